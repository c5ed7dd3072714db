/**
 * RouterOS API queries, evaluated as the router does: each query word pushes
 * a boolean on a stack, `?#` words combine them, and the item matches when
 * every value left on the stack is true.
 *
 *   ?name        the item has the property
 *   ?-name       the item lacks it
 *   ?name=x      equal (also ?=name=x)
 *   ?<name=x     less than; ?>name=x greater than (numbers compared as numbers)
 *   ?#ops        | or, & and, ! not, . duplicate top; digits push a copy of that stack position
 */

function compare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== "" && b !== "" && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function evaluateQuery(words: readonly string[], item: Record<string, string>): boolean {
  const stack: boolean[] = [];
  const pop = (): boolean => stack.pop() ?? true;
  for (const word of words) {
    const body = word.slice(1);
    if (body.startsWith("#")) {
      const ops = body.slice(1);
      for (let i = 0; i < ops.length; i++) {
        const op = ops[i]!;
        if (op === "|" || op === "&") {
          const b = pop();
          const a = pop();
          stack.push(op === "|" ? a || b : a && b);
        } else if (op === "!") stack.push(!pop());
        else if (op === ".") stack.push(stack.at(-1) ?? true);
        else if (/\d/.test(op)) {
          let digits = op;
          while (i + 1 < ops.length && /\d/.test(ops[i + 1]!)) digits += ops[++i];
          stack.push(stack[Number(digits)] ?? true);
        }
      }
      continue;
    }
    if (body.startsWith("-")) {
      stack.push(!(body.slice(1) in item));
      continue;
    }
    const op = body[0] === "<" || body[0] === ">" ? body[0] : "";
    const rest = (op ? body.slice(1) : body).replace(/^=/, "");
    const eq = rest.indexOf("=");
    if (eq < 0) {
      stack.push(rest in item);
      continue;
    }
    const name = rest.slice(0, eq);
    const value = rest.slice(eq + 1);
    const actual = item[name];
    if (actual === undefined) stack.push(false);
    else if (op === "<") stack.push(compare(actual, value) < 0);
    else if (op === ">") stack.push(compare(actual, value) > 0);
    // A boolean is printed true/false; RouterOS matches yes/no against it too.
    else stack.push(actual === value || (value === "yes" && actual === "true") || (value === "no" && actual === "false"));
  }
  return stack.every(Boolean);
}
