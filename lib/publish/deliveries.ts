import type { Kysely } from 'kysely';

/**
 * One row per push delivery received (migration 003-publish-deliveries), in the comments
 * database every instance shares: a delivery GitHub sends again ("Redeliver", or a retry) is
 * refused by whichever instance it reaches.
 */
export type PublishDeliveriesTable = { id: string; received_at: string };
type DeliveriesDb = Kysely<{ publish_deliveries: PublishDeliveriesTable }>;

const deliveries = <DB>(db: Kysely<DB>): DeliveriesDb =>
  db.withTables<{ publish_deliveries: PublishDeliveriesTable }>() as unknown as DeliveriesDb;

/** GitHub's are GUIDs; Gitea and Forgejo send the same header. Anything else is refused. */
export const DELIVERY_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * How long a delivery id is remembered. GitHub redelivers for days, not months; an older replay
 * that gets past this still meets the ancestry check, which refuses any commit behind what is
 * live. Only correctly signed pushes add rows, so nobody else can grow the table.
 */
export const KEEP_DELIVERIES_MS = 90 * 24 * 60 * 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Records `id`; false when it was recorded before. One statement, so two instances cannot both win. */
export async function firstDelivery<DB>(
  db: Kysely<DB>,
  id: string,
  now = Date.now(),
): Promise<boolean> {
  const table = deliveries(db);
  await table
    .deleteFrom('publish_deliveries')
    .where('received_at', '<', iso(now - KEEP_DELIVERIES_MS))
    .execute();
  const result = await table
    .insertInto('publish_deliveries')
    .values({ id, received_at: iso(now) })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows === 1n;
}

export async function forgetDelivery<DB>(db: Kysely<DB>, id: string): Promise<void> {
  await deliveries(db).deleteFrom('publish_deliveries').where('id', '=', id).execute();
}

/** What the publish endpoint needs: first receipt, and taking it back. */
export type DeliveryLog = {
  /** Records a delivery id; false when some instance recorded it before. */
  first: (id: string, now: number) => Promise<boolean>;
  forget: (id: string) => Promise<void>;
};

/** The endpoint's view of a database, opened when the first push arrives. */
export function deliveryLog<DB>(db: () => Promise<Kysely<DB>>): DeliveryLog {
  return {
    first: async (id, now) => firstDelivery(await db(), id, now),
    forget: async (id) => forgetDelivery(await db(), id),
  };
}
