/** cidrmatch(): is an IPv4 or IPv6 address inside a CIDR block. Malformed input never matches. */

function ipv4Bits(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let bits = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    bits = (bits << 8n) | BigInt(Number(part));
  }
  return bits;
}

function ipv6Bits(text: string): bigint | undefined {
  let address = text;
  const embedded = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (embedded) {
    // `::ffff:1.2.3.4`: the dotted tail is the last two 16-bit groups.
    const v4 = ipv4Bits(embedded[1] as string);
    if (v4 === undefined) return undefined;
    const groups = `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
    address = address.slice(0, -(embedded[1] as string).length) + groups;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === '') return [];
    const groups = half.split(':');
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = parse(halves[0] as string);
  const rest = halves.length === 2 ? parse(halves[1] as string) : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1 && known !== 8) return undefined;
  if (known > 8) return undefined;
  const groups = [...head, ...new Array<number>(8 - known).fill(0), ...rest];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function cidrMatch(cidr: string, ip: string): boolean {
  const [network, prefixText] = cidr.trim().split('/');
  if (network === undefined) return false;
  const v4 = network.includes(':') ? undefined : ipv4Bits(network);
  const width = v4 !== undefined ? 32 : 128;
  const networkBits = v4 ?? ipv6Bits(network);
  const address = v4 !== undefined ? ipv4Bits(ip.trim()) : ipv6Bits(ip.trim());
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (networkBits === undefined || address === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > width) return false;
  const shift = BigInt(width - prefix);
  return networkBits >> shift === address >> shift;
}
