// OpenAPI paths of handsets managed on the control plane: created before they text, read one by one.
import { body, controlErrors, ok, pathParam } from './parts';

export const handsetBookPaths = {
  '/_sim/handsets/{phone}': {
    put: {
      summary:
        'Create a handset before it texts (kept in the world store: it survives a restart). 201 when created, 200 when it already was; 409 for a purchased TeleSign number. Nothing else creates a handset but texting, being sent to, or this',
      parameters: [pathParam('phone', 'digits with country code, 5 to 15, no "+"')],
      requestBody: {
        ...body({ type: 'object', additionalProperties: false, properties: {} }),
        required: false,
      },
      responses: {
        '200': ok('{ phone, created_at }: it already existed'),
        '201': ok('{ phone, created_at }'),
        '409': ok('A purchased number'),
        ...controlErrors,
      },
    },
    get: {
      summary:
        'One handset: created_at (null unless created here), inbox/outbox counts, cleared_after, delivery policy, opted-out numbers. 404 for a phone the fake does not know; reading never creates',
      parameters: [pathParam('phone', 'digits')],
      responses: { '200': ok('Handset'), ...controlErrors },
    },
  },
};
