// A throwaway PostgreSQL schema for one benchmark or check run, so runs never meet each other's
// rows. The returned URL points a server (or Kysely) at that schema through search_path.
import pg from 'pg';

export async function scratchSchema(url, name) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: scoped.toString(),
    admin,
    drop: async () => {
      await admin.query(`drop schema ${name} cascade`);
      await admin.end();
    },
  };
}
