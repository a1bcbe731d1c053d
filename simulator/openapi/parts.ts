// Small builders shared by the pieces of the OpenAPI document.

export const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const ok = (description: string, schema: Record<string, unknown> = { type: 'object' }) => ({
  description,
  content: json(schema),
});
export const controlErrors = {
  '400': ok('Bad input: the field and the rule are named', ref('ControlError')),
  '404': ok('Unknown account, number, message or route', ref('ControlError')),
};
export const body = (schema: Record<string, unknown>) => ({
  required: true,
  content: json(schema),
});
export const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
export const delivery = body(ref('DeliverySetting'));
