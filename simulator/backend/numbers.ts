// The number inventory: TeleSign numbers an account purchases, as sender ids and inbound targets.

import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';
import type { Low } from 'lowdb';
import { SimulatorError } from '../errors/control-errors';
import type { DeliverySetting } from './delivery-policy';
import type { NumberRecord, NumberType, WorldData } from './world-store';

/** First number of each country's fictional range, per type; the next free one is handed out. */
const RANGES: Record<string, Partial<Record<NumberType, number>>> = {
  US: { 'long-code': 12025550100, 'toll-free': 18885550100, 'short-code': 20000 },
  CA: { 'long-code': 16135550100, 'toll-free': 18665550100, 'short-code': 30000 },
  GB: { 'long-code': 447700900000, 'short-code': 60000 },
  AU: { 'long-code': 61491570000 },
  FR: { 'long-code': 33639980000 },
  DE: { 'long-code': 4915510000000 },
};

export const SUPPORTED_COUNTRIES = Object.keys(RANGES);

/** The country of a number; fictional ranges are not "valid", so fall back on the calling code. */
function countryOf(number: string): string | undefined {
  const parsed = parsePhoneNumberFromString(`+${number}`);
  if (parsed?.country) return parsed.country;
  const code = parsed?.countryCallingCode;
  if (!code) return undefined;
  const preferred = SUPPORTED_COUNTRIES.find(
    (c) => getCountryCallingCode(c as CountryCode) === code,
  );
  return preferred ?? getCountries().find((c) => getCountryCallingCode(c) === code);
}

export interface Purchase {
  number?: string | undefined;
  type?: NumberType | undefined;
  country?: string | undefined;
}

export interface Numbers {
  purchase(customerId: string, input: Purchase): Promise<NumberRecord>;
  list(customerId: string): NumberRecord[];
  find(number: string): NumberRecord | undefined;
  release(customerId: string, number: string): Promise<NumberRecord>;
  setDelivery(
    customerId: string,
    number: string,
    setting: DeliverySetting | null,
  ): Promise<NumberRecord>;
}

export function createNumbers(db: Low<WorldData>, now: () => number): Numbers {
  const owned = (customerId: string, number: string): NumberRecord => {
    const record = db.data.numbers[number];
    if (!record || record.customerId !== customerId) {
      throw new SimulatorError(
        'not_found',
        `number ${number} is not owned by ${customerId}`,
        'number',
      );
    }
    return record;
  };
  const nextFree = (country: string, type: NumberType): string => {
    const start = RANGES[country]?.[type];
    if (start === undefined) {
      throw new SimulatorError(
        'invalid_field',
        `no ${type} numbers for sale in ${country}; available: ${SUPPORTED_COUNTRIES.map((c) => `${c} (${Object.keys(RANGES[c] ?? {}).join(', ')})`).join('; ')}`,
        'type',
      );
    }
    for (let n = start; ; n++) if (!db.data.numbers[String(n)]) return String(n);
  };
  return {
    async purchase(customerId, input) {
      const type = input.type ?? 'long-code';
      let country = input.country?.toUpperCase() ?? 'US';
      let number: string;
      if (input.number !== undefined) {
        number = input.number;
        if (db.data.numbers[number]) {
          throw new SimulatorError('conflict', `number ${number} is already purchased`, 'number');
        }
        if (input.country === undefined && type !== 'short-code') {
          country = countryOf(number) ?? country;
        }
      } else {
        if (!RANGES[country]) {
          throw new SimulatorError(
            'invalid_field',
            `country must be one of ${SUPPORTED_COUNTRIES.join(', ')}`,
            'country',
          );
        }
        number = nextFree(country, type);
      }
      const record: NumberRecord = {
        number,
        customerId,
        type,
        country,
        purchasedAt: new Date(now()).toISOString(),
        delivery: null,
      };
      db.data.numbers[number] = record;
      await db.write();
      return record;
    },
    list: (customerId) => Object.values(db.data.numbers).filter((n) => n.customerId === customerId),
    find: (number) => db.data.numbers[number],
    async release(customerId, number) {
      const record = owned(customerId, number);
      delete db.data.numbers[number];
      await db.write();
      return record;
    },
    async setDelivery(customerId, number, setting) {
      const record = owned(customerId, number);
      record.delivery = setting;
      await db.write();
      return record;
    },
  };
}
