// The official TeleSign Node SDK (CommonJS, untyped), loaded and typed for the fake's tests.
import { createRequire } from 'node:module';

export type SdkCallback = (error: unknown, body: unknown) => void;

export interface TeleSignClient {
  sms: {
    message(callback: SdkCallback, phoneNumber: string, message: string, messageType: string): void;
    status(callback: SdkCallback, referenceId: string): void;
  };
  rest: {
    execute(
      callback: SdkCallback,
      method: string,
      resource: string,
      params?: Record<string, string> | null,
      authMethod?: string | null,
      nonce?: string | null,
      date?: string | null,
    ): void;
    setContentType(contentType: string): void;
  };
}

interface TeleSignSdkClass {
  new (customerId: string, apiKey: string, restEndpoint: string, timeout: number): TeleSignClient;
}

export interface RestClientStatic {
  generateTeleSignHeaders(
    customerId: string,
    apiKey: string,
    method: string,
    resource: string,
    contentType: string,
    encodedFields: string | null,
    date: string | null,
    nonce: string | null,
    userAgent: string | null,
    authMethod?: string | null,
  ): Record<string, string>;
}

const require = createRequire(import.meta.url);
const TeleSignSDK = require('telesignsdk') as TeleSignSdkClass;
export const RestClient = require('telesignsdk/src/RestClient.js') as RestClientStatic;

/** A client of the official SDK pointed at `url`, with a short timeout (its timer keeps Node alive). */
export function sdkClient(customerId: string, apiKey: string, url: string): TeleSignClient {
  return new TeleSignSDK(customerId, apiKey, url, 2000);
}

/** Promise form of an SDK call: resolves with the parsed body, rejects with the SDK's error. */
export function call(run: (callback: SdkCallback) => void): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    run((error, body) => (error ? reject(error) : resolve(body as Record<string, unknown>)));
  });
}
