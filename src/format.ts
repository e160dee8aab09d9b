/** A number as findings print it: thousands separated by commas, at most two decimals ("15,832", "19.45").
 * Hand-rolled because Intl formatting costs microseconds and determinations format many numbers. */
export function num(n: number): string {
  const r = Math.round(n * 100) / 100;
  const neg = r < 0;
  const [int, frac] = String(Math.abs(r)).split('.');
  let out = '';
  for (let i = int.length; i > 0; i -= 3) out = (i > 3 ? ',' : '') + int.slice(Math.max(0, i - 3), i) + out;
  return (neg ? '-' : '') + out + (frac ? `.${frac}` : '');
}
