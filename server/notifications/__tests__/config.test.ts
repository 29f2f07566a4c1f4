/** The notification settings read once by server/config.ts: defaults, and an English error naming the variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../config';

describe('notification configuration', () => {
  it('defaults to a ten-minute reminder round and escalation after seven days, without SMS', () => {
    expect(readConfig({})).toMatchObject({ reminderEveryMs: 600_000, escalateAfterDays: 7, smsWebhookUrl: undefined });
    expect(readConfig({ REMINDER_INTERVAL_MS: '60000', ESCALATE_AFTER_DAYS: '3', SMS_WEBHOOK_URL: 'http://sms.internal/send' })).toMatchObject({ reminderEveryMs: 60_000, escalateAfterDays: 3, smsWebhookUrl: 'http://sms.internal/send' });
  });
  it('refuses what it cannot use, naming the variable', () => {
    expect(() => readConfig({ ESCALATE_AFTER_DAYS: 'seven' })).toThrow(new ConfigError('ESCALATE_AFTER_DAYS must be a whole number above 0, got "seven"'));
    expect(() => readConfig({ REMINDER_INTERVAL_MS: '0' })).toThrow(/REMINDER_INTERVAL_MS must be a whole number above 0/);
    expect(() => readConfig({ SMS_WEBHOOK_URL: 'ftp://user:secret@sms' })).toThrow(new ConfigError('SMS_WEBHOOK_URL must start with http:// or https://, got "ftp://***@sms"'));
  });
});
