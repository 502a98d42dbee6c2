import { open } from "node:fs/promises";

/** Whether an ELF executable is statically linked (has no PT_INTERP program header). */
export async function isStaticElf(path: string): Promise<boolean> {
  const f = await open(path, "r");
  try {
    const header = Buffer.alloc(64);
    await f.read(header, 0, 64, 0);
    if (header.readUInt32BE(0) !== 0x7f454c46 || header[4] !== 2) return false; // ELF, 64-bit
    const phoff = Number(header.readBigUInt64LE(0x20));
    const phentsize = header.readUInt16LE(0x36);
    const phnum = header.readUInt16LE(0x38);
    const table = Buffer.alloc(phentsize * phnum);
    await f.read(table, 0, table.length, phoff);
    for (let i = 0; i < phnum; i++) if (table.readUInt32LE(i * phentsize) === 3) return false; // PT_INTERP
    return true;
  } finally {
    await f.close();
  }
}
