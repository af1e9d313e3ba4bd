import pg from 'pg';

async function runStatement(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new database on the PostgreSQL server at `url` for one bench run, and how to drop it afterwards. */
export async function freshServerDatabase(url: string, prefix: string) {
  const name = `${prefix}_${Date.now()}`;
  await runStatement(url, `create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: () => runStatement(url, `drop database if exists ${name} with (force)`),
  };
}
