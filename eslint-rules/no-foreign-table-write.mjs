// A context writes only its own tables: a table belongs to the folder of apps/api/src its entity file lives in.
// Another context's rows change through that context's service. Reads (joins, reports) stay free.
import fs from 'node:fs';
import path from 'node:path';

const WRITE_METHODS = new Set([
  'insert',
  'save',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
]);
// Uppercase only: SQL in this code base is written so, and prose ("Update the case") is not SQL.
const SQL_WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_][a-z0-9_]*)"?/g;

/** `{ tables: table → context, classes: entity class → table }`, read from the `@Entity('…')` files under `src`. */
function ownership(src) {
  const tables = new Map();
  const classes = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        const context = path.relative(src, file).split(path.sep)[0];
        for (const m of text.matchAll(/@Entity\(\s*'([a-z0-9_]+)'[\s\S]*?export class (\w+)/g)) {
          tables.set(m[1], context);
          classes.set(m[2], m[1]);
        }
      }
    }
  };
  walk(src);
  return { tables, classes };
}

const cache = new Map();

export default {
  meta: {
    type: 'problem',
    docs: { description: "Forbid writing another context's tables (SQL or TypeORM)" },
    schema: [
      {
        type: 'object',
        properties: {
          src: { type: 'string' },
          writers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['src'],
        additionalProperties: false,
      },
    ],
    messages: {
      foreign:
        "'{{table}}' belongs to {{owner}}/: {{context}}/ may read it, but changes it only through {{owner}}'s service.",
    },
  },
  create(ctx) {
    const { src, writers = {}, allow = {} } = ctx.options[0];
    const rel = path.relative(src, ctx.filename);
    if (rel.startsWith('..') || !rel.includes(path.sep)) return {};
    const context = rel.split(path.sep)[0];
    if (!cache.has(src)) cache.set(src, ownership(src));
    const { tables, classes } = cache.get(src);
    const allowed = new Set(allow[rel.split(path.sep).join('/')] ?? []);

    const check = (node, table) => {
      const owner = tables.get(table);
      if (owner && owner !== context && !allowed.has(table) && !writers[table]?.includes(context)) {
        ctx.report({ node, messageId: 'foreign', data: { table, owner, context } });
      }
    };
    /** The table an expression names: an entity class, or a table name as a string. */
    const tableOf = (node) => {
      if (!node) return undefined;
      if (node.type === 'Identifier') return classes.get(node.name);
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      return undefined;
    };
    // Names bound to one entity's repository: `x = this.repository(E)` (a getter), `x = em.getRepository(E)`,
    // `@InjectRepository(E) x`, and locals taken from a getter (`const xs = this.xs()`).
    const bound = new Map();
    const repoCall = (node) =>
      node?.type === 'CallExpression' &&
      node.callee.type === 'MemberExpression' &&
      ['repository', 'getRepository'].includes(node.callee.property.name)
        ? tableOf(node.arguments[0])
        : undefined;
    const nameOf = (node) =>
      node?.type === 'Identifier'
        ? node.name
        : node?.type === 'MemberExpression' && node.object.type === 'ThisExpression'
          ? node.property.name
          : undefined;
    /** The table behind a repository expression: `this.xs()`, `xs`, `this.xs`, `em.getRepository(E)`. */
    const repoTable = (node) => {
      const direct = repoCall(node);
      if (direct) return direct;
      if (node?.type === 'CallExpression' && node.arguments.length === 0) return bound.get(nameOf(node.callee));
      return bound.get(nameOf(node));
    };
    /** Whether a query builder chain went through `.delete()` / `.insert()`. */
    const chainHas = (node, name) => {
      for (let n = node; n;) {
        if (n.type === 'CallExpression') {
          if (n.callee.type === 'MemberExpression' && n.callee.property.name === name) return true;
          n = n.callee.type === 'MemberExpression' ? n.callee.object : undefined;
        } else if (n.type === 'MemberExpression') n = n.object;
        else return false;
      }
      return false;
    };
    const sql = (node, text) => {
      for (const m of text.matchAll(SQL_WRITE)) check(node, m[1]);
    };

    return {
      PropertyDefinition(node) {
        const t = repoCall(node.value);
        if (t && node.key.type === 'Identifier') bound.set(node.key.name, t);
      },
      VariableDeclarator(node) {
        const t = repoTable(node.init);
        if (t && node.id.type === 'Identifier') bound.set(node.id.name, t);
      },
      FunctionExpression(node) {
        for (const p of node.params) {
          const param = p.type === 'TSParameterProperty' ? p.parameter : p;
          for (const d of p.decorators ?? []) {
            const e = d.expression;
            if (e.type === 'CallExpression' && e.callee.name === 'InjectRepository') {
              const t = tableOf(e.arguments[0]);
              if (t && param.type === 'Identifier') bound.set(param.name, t);
            }
          }
        }
      },
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
        const method = node.callee.property.name;
        const target = node.callee.object;
        // A repository's write: `this.xs().save(…)`, `getRepository(E).insert(…)`.
        if (WRITE_METHODS.has(method)) {
          const t = repoTable(target);
          if (t) return check(node, t);
          // The entity manager's write names the entity first: `em.save(E, …)`.
          const holder = target.type === 'MemberExpression' ? target.property.name : nameOf(target);
          if (/^(em|manager|entityManager|tx)$/.test(holder ?? '')) return check(node, tableOf(node.arguments[0]));
        }
        // Query builder writes: `.update(E)`, `.insert().into(E)`, `.delete().from(E)`.
        if (method === 'update' && node.arguments.length === 1 && chainHas(target, 'createQueryBuilder')) {
          check(node, tableOf(node.arguments[0]));
        }
        if (method === 'into' && chainHas(target, 'insert')) check(node, tableOf(node.arguments[0]));
        if (method === 'from' && chainHas(target, 'delete')) check(node, tableOf(node.arguments[0]));
      },
      Literal(node) {
        if (typeof node.value === 'string') sql(node, node.value);
      },
      TemplateLiteral(node) {
        sql(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' '));
      },
    };
  },
};
