import type { Kysely } from 'kysely';
import { testDatabases } from '@/test/support/test-databases';
import { deliveryLog, firstDelivery, forgetDelivery, KEEP_DELIVERIES_MS } from './deliveries';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const ID = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

describe.each(testDatabases)('push deliveries on $name', ({ open }) => {
  let db: Kysely<unknown>;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const opened = await open();
    db = opened.db as Kysely<unknown>;
    close = opened.close;
  });
  afterEach(() => close());

  it('knows a delivery the second time it comes, and forgets it when told', async () => {
    expect(await firstDelivery(db, ID, NOW)).toBe(true);
    expect(await firstDelivery(db, ID, NOW + 1000)).toBe(false);
    await forgetDelivery(db, ID);
    expect(await firstDelivery(db, ID, NOW + 2000)).toBe(true);
  });

  it('lets exactly one of many instances receiving the same delivery at once publish it', async () => {
    const logs = Array.from({ length: 8 }, () => deliveryLog(async () => db));
    const firsts = await Promise.all(logs.map((log) => log.first(ID, NOW)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
  });

  it('forgets deliveries older than it keeps, so the table stays small', async () => {
    await firstDelivery(db, 'old-delivery', NOW);
    await firstDelivery(db, 'recent-delivery', NOW + KEEP_DELIVERIES_MS - 1000);
    await firstDelivery(db, 'another', NOW + KEEP_DELIVERIES_MS + 1000);
    const rows = await db
      .withTables<{ publish_deliveries: { id: string } }>()
      .selectFrom('publish_deliveries')
      .select('id')
      .orderBy('id')
      .execute();
    expect(rows.map((row) => row.id)).toEqual(['another', 'recent-delivery']);
  });
});
