import type Database from "better-sqlite3";
import type { Scope } from "../../core/scope.js";
import type { Page, Positioned, ResourceRepository } from "../store.js";
import type { TableDef } from "../tables.js";

type Row = { seq: number; doc: string };

const SCAN_BATCH = 256;

/** A ResourceRepository over one document table (see migrations/ddl.ts). */
export function docTableRepository<R>(db: Database.Database, def: TableDef<R>): ResourceRepository<R> {
  const cols = Object.keys(def.columns);
  const t = def.table;
  const get = db.prepare<[string, string, string], Row>(`SELECT seq, doc FROM ${t} WHERE account = ? AND region = ? AND key = ?`);
  const insert = db.prepare(
    `INSERT INTO ${t} (account, region, key, doc${cols.map((c) => `, ${c}`).join("")}) VALUES (?, ?, ?, ?${cols.map(() => ", ?").join("")})`,
  );
  const update = db.prepare(
    `UPDATE ${t} SET doc = ?${cols.map((c) => `, ${c} = ?`).join("")} WHERE account = ? AND region = ? AND key = ?`,
  );
  const del = db.prepare(`DELETE FROM ${t} WHERE account = ? AND region = ? AND key = ?`);
  const count = db.prepare<[string, string], { n: number }>(`SELECT COUNT(*) AS n FROM ${t} WHERE account = ? AND region = ?`);
  const scopes = db.prepare<[], Scope>(`SELECT DISTINCT account, region FROM ${t} ORDER BY account, region`);
  const pageStatements = new Map<string, Database.Statement<unknown[], Row>>();
  const findStatements = new Map<string, Database.Statement<unknown[], Row>>();

  const values = (record: R) => cols.map((c) => def.columns[c]!(record));
  const parse = (row: Row) => JSON.parse(row.doc) as R;

  function pageStatement(whereColumns: string[]) {
    const id = whereColumns.join(",");
    let stmt = pageStatements.get(id);
    if (!stmt) {
      for (const c of whereColumns) if (!cols.includes(c)) throw new Error(`${t} has no column ${c}`);
      stmt = db.prepare<unknown[], Row>(
        `SELECT seq, doc FROM ${t} WHERE account = ? AND region = ? AND seq > ?${whereColumns.map((c) => ` AND ${c} = ?`).join("")} ORDER BY seq LIMIT ?`,
      );
      pageStatements.set(id, stmt);
    }
    return stmt;
  }

  function findStatement(column: string) {
    let stmt = findStatements.get(column);
    if (!stmt) {
      if (!cols.includes(column)) throw new Error(`${t} has no column ${column}`);
      stmt = db.prepare<unknown[], Row>(
        `SELECT seq, doc FROM ${t} WHERE account = ? AND region = ? AND ${column} IN (SELECT value FROM json_each(?)) ORDER BY seq`,
      );
      findStatements.set(column, stmt);
    }
    return stmt;
  }

  return {
    async get({ account, region }: Scope, key: string) {
      const row = get.get(account, region, key);
      return row ? parse(row) : undefined;
    },
    async insert({ account, region }: Scope, record: R) {
      insert.run(account, region, def.key(record), JSON.stringify(record), ...values(record));
    },
    async update({ account, region }: Scope, record: R) {
      const result = update.run(JSON.stringify(record), ...values(record), account, region, def.key(record));
      if (result.changes !== 1) throw new Error(`${t}: no row ${def.key(record)} to update`);
    },
    async delete({ account, region }: Scope, key: string) {
      return del.run(account, region, key).changes > 0;
    },
    async page({ account, region }: Scope, { after = 0, limit, where = {} }): Promise<Page<R>> {
      const whereColumns = Object.keys(where).sort();
      const rows = pageStatement(whereColumns).all(account, region, after, ...whereColumns.map((c) => where[c]), limit + 1);
      const items = rows.slice(0, limit).map(parse);
      return rows.length > limit ? { items, next: rows[limit - 1]!.seq } : { items };
    },
    async count({ account, region }: Scope) {
      return count.get(account, region)!.n;
    },
    async *scan({ account, region }: Scope, { after = 0, where = {} } = {}): AsyncIterable<Positioned<R>> {
      const whereColumns = Object.keys(where).sort();
      const stmt = pageStatement(whereColumns);
      for (let from = after; ; ) {
        const rows = stmt.all(account, region, from, ...whereColumns.map((c) => where[c]), SCAN_BATCH);
        for (const row of rows) yield { seq: row.seq, record: parse(row) };
        if (rows.length < SCAN_BATCH) return;
        from = rows[rows.length - 1]!.seq;
      }
    },
    async scopes() {
      return scopes.all().map(({ account, region }) => ({ account, region }));
    },
    async findBy({ account, region }: Scope, column: string, values: (string | number)[]) {
      if (values.length === 0) return [];
      return findStatement(column).all(account, region, JSON.stringify(values)).map(parse);
    },
  };
}
