import type Database from "better-sqlite3";
import type { Scope } from "../../core/scope.js";
import { mergeBySeq } from "../merge.js";
import { DuplicateKeyError, type Narrowing, type Page, type Positioned, type ResourceRepository, type Where } from "../store.js";
import type { TableDef } from "../tables.js";

type Row = { seq: number; doc: string };

/** Rows a scan reads at first, and at most, per query: small for one page, larger for long scans. */
const FIRST_BATCH = 64;
const MAX_BATCH = 1024;

/** A table beside the documents kept in step with them on every write (tags, shares). */
export interface SideIndex<R> {
  write(scope: Scope, record: R, seq: number): void;
  remove(scope: Scope, key: string, seq: number): void;
}

/**
 * Reads `fetch(after, limit)` batch after batch, in creation order, until a batch comes back short;
 * documents are parsed only as they are taken.
 */
export async function* batched<T extends { seq: number }, P>(fetch: (after: number, limit: number) => T[], after: number, parse: (row: T) => P): AsyncIterable<P> {
  for (let from = after, size = FIRST_BATCH; ; size = Math.min(MAX_BATCH, size * 2)) {
    const rows = fetch(from, size);
    for (const row of rows) yield parse(row);
    if (rows.length < size) return;
    from = rows[rows.length - 1]!.seq;
  }
}

/** The `doc_tags` index of a table whose definition names its tags (migration 5). */
function tagIndex<R>(db: Database.Database, def: TableDef<R>): SideIndex<R> | undefined {
  const tags = def.tags;
  if (!tags) return undefined;
  const clear = db.prepare(`DELETE FROM doc_tags WHERE doc_table = ? AND doc_seq = ?`);
  const add = db.prepare(`INSERT OR REPLACE INTO doc_tags (doc_table, doc_seq, account, region, key, value) VALUES (?, ?, ?, ?, ?, ?)`);
  return {
    write({ account, region }, record, seq) {
      clear.run(def.table, seq);
      for (const t of tags(record) ?? []) add.run(def.table, seq, account, region, t.key, t.value ?? "");
    },
    remove: (_scope, _key, seq) => clear.run(def.table, seq),
  };
}

/** A ResourceRepository over one document table (see migrations/sqlite/ddl.ts). */
export function docTableRepository<R, C extends string>(db: Database.Database, def: TableDef<R, C>, extraIndexes: SideIndex<R>[] = []): ResourceRepository<R, C> {
  const cols = Object.keys(def.columns) as C[];
  const t = def.table;
  const sideIndexes = [tagIndex(db, def), ...extraIndexes].filter((x): x is SideIndex<R> => x !== undefined);
  const get = db.prepare<[string, string, string], Row>(`SELECT seq, doc FROM ${t} WHERE account = ? AND region = ? AND key = ?`);
  const insert = db.prepare(
    `INSERT INTO ${t} (account, region, key, doc${cols.map((c) => `, ${c}`).join("")}) VALUES (?, ?, ?, ?${cols.map(() => ", ?").join("")})`,
  );
  const update = db.prepare<unknown[], { seq: number }>(
    `UPDATE ${t} SET doc = ?${cols.map((c) => `, ${c} = ?`).join("")} WHERE account = ? AND region = ? AND key = ? RETURNING seq`,
  );
  const del = db.prepare<[string, string, string], { seq: number }>(`DELETE FROM ${t} WHERE account = ? AND region = ? AND key = ? RETURNING seq`);
  const count = db.prepare<[string, string], { n: number }>(`SELECT COUNT(*) AS n FROM ${t} WHERE account = ? AND region = ?`);
  const scopes = db.prepare<[], Scope>(`SELECT DISTINCT account, region FROM ${t} ORDER BY account, region`);
  const statements = new Map<string, Database.Statement<unknown[], Row>>();

  const values = (record: R) => cols.map((c) => def.columns[c](record));
  const parse = (row: Row) => JSON.parse(row.doc) as R;
  const positioned = (row: Row): Positioned<R> => ({ seq: row.seq, record: parse(row) });
  const checkColumn = (c: string) => {
    if (c !== "key" && !(cols as string[]).includes(c)) throw new Error(`${t} has no column ${c}`);
  };

  function statement(id: string, sql: () => string) {
    let stmt = statements.get(id);
    if (!stmt) statements.set(id, (stmt = db.prepare<unknown[], Row>(sql())));
    return stmt;
  }

  /** Rows after a position, equal on `whereColumns`, in creation order: served by an index on (account, region, column, seq). */
  const pageStatement = (whereColumns: string[]) =>
    statement(`page:${whereColumns.join(",")}`, () => {
      whereColumns.forEach(checkColumn);
      return `SELECT seq, doc FROM ${t} WHERE account = ? AND region = ?${whereColumns.map((c) => ` AND ${c} = ?`).join("")} AND seq > ? ORDER BY seq LIMIT ?`;
    });

  /** Rows carrying one tag value, in creation order: served by doc_tags_value. */
  const tagStatement = (whereColumns: string[]) =>
    statement(`tag:${whereColumns.join(",")}`, () => {
      whereColumns.forEach(checkColumn);
      return (
        `SELECT d.seq, d.doc FROM doc_tags g JOIN ${t} d ON d.seq = g.doc_seq ` +
        `WHERE g.doc_table = '${t}' AND g.account = ? AND g.region = ? AND g.key = ? AND g.value = ?${whereColumns.map((c) => ` AND d.${c} = ?`).join("")} AND g.doc_seq > ? ` +
        `ORDER BY g.doc_seq LIMIT ?`
      );
    });

  function scanOne({ account, region }: Scope, after: number, where: Where<string>, narrow?: { column: string; value: string | number } | { tag: string; value: string }) {
    const whereColumns = Object.keys(where).sort();
    const whereValues = whereColumns.map((c) => where[c]);
    if (narrow && "tag" in narrow) {
      if (!def.tags) throw new Error(`${t} does not index tags`);
      const stmt = tagStatement(whereColumns);
      return batched((from, limit) => stmt.all(account, region, narrow.tag, narrow.value, ...whereValues, from, limit), after, positioned);
    }
    const columns = narrow ? [narrow.column, ...whereColumns] : whereColumns;
    const stmt = pageStatement(columns);
    const head = narrow ? [narrow.value] : [];
    return batched((from, limit) => stmt.all(account, region, ...head, ...whereValues, from, limit), after, positioned);
  }

  function narrowed(scope: Scope, after: number, where: Where<string>, narrow: Narrowing) {
    const distinct = [...new Set<string | number>(narrow.values)];
    const sources = "tag" in narrow
      ? distinct.map((value) => scanOne(scope, after, where, { tag: narrow.tag, value: String(value) }))
      : distinct.map((value) => scanOne(scope, after, where, { column: narrow.column, value }));
    return mergeBySeq(sources);
  }

  const findStatement = (column: string) =>
    statement(`find:${column}`, () => {
      checkColumn(column);
      // No ORDER BY: SQLite would then walk the whole scope in order rather than use the column's index.
      return `SELECT seq, doc FROM ${t} WHERE account = ? AND region = ? AND ${column} IN (SELECT value FROM json_each(?))`;
    });

  return {
    async get({ account, region }: Scope, key: string) {
      const row = get.get(account, region, key);
      return row ? parse(row) : undefined;
    },
    async insert(scope: Scope, record: R) {
      const key = def.key(record);
      let seq: number;
      try {
        seq = Number(insert.run(scope.account, scope.region, key, JSON.stringify(record), ...values(record)).lastInsertRowid);
      } catch (e) {
        // The key index (account, region, key) and any other unique index of the table, such as EC2 key pair ids.
        if ((e as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") throw new DuplicateKeyError(t, key);
        throw e;
      }
      for (const index of sideIndexes) index.write(scope, record, seq);
    },
    async update(scope: Scope, record: R) {
      const row = update.get(JSON.stringify(record), ...values(record), scope.account, scope.region, def.key(record));
      if (!row) throw new Error(`${t}: no row ${def.key(record)} to update`);
      for (const index of sideIndexes) index.write(scope, record, row.seq);
    },
    async delete(scope: Scope, key: string) {
      const row = del.get(scope.account, scope.region, key);
      if (row) for (const index of sideIndexes) index.remove(scope, key, row.seq);
      return row !== undefined;
    },
    async page({ account, region }: Scope, { after = 0, limit, where = {} }): Promise<Page<R>> {
      const whereColumns = Object.keys(where).sort() as C[];
      const rows = pageStatement(whereColumns).all(account, region, ...whereColumns.map((c) => (where as Where<C>)[c]), after, limit + 1);
      const items = rows.slice(0, limit).map(parse);
      return rows.length > limit ? { items, next: rows[limit - 1]!.seq } : { items };
    },
    async count({ account, region }: Scope) {
      return count.get(account, region)!.n;
    },
    scan(scope: Scope, { after = 0, where = {}, narrow } = {}): AsyncIterable<Positioned<R>> {
      return narrow ? narrowed(scope, after, where as Where<string>, narrow) : scanOne(scope, after, where as Where<string>);
    },
    async scopes() {
      return scopes.all().map(({ account, region }) => ({ account, region }));
    },
    async findBy({ account, region }: Scope, column: C, values: (string | number)[]) {
      if (values.length === 0) return [];
      return findStatement(column).all(account, region, JSON.stringify(values)).sort((a, b) => a.seq - b.seq).map(parse);
    },
  };
}
