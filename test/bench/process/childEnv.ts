/**
 * The environment of a child: the bench's own, minus NODE_ENV (production would demand caller tokens),
 * with `overrides` on top; a null override removes the variable so the child's own default applies.
 */
export function childEnv(overrides: Readonly<Record<string, string | null>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NODE_ENV'];
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete env[name];
    else env[name] = value;
  }
  return env;
}
