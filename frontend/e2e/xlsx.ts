import { deflateRawSync, inflateRawSync } from 'node:zlib'

/*
 * Just enough of xlsx for the browser tests: read the sheets of a workbook the API sends (shared and
 * inline strings, numbers) and write a sheet's rows back into it. A zip reader and writer on
 * node:zlib, so no spreadsheet library is needed.
 */

interface ZipEntry {
  name: string
  data: Buffer
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n += 1) {
    let c = n
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** The entries of a zip, by its central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1
  if (end < 0) throw new Error('not a zip file')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken central directory')
    const method = zip.readUInt16LE(offset + 10)
    const compressed = zip.readUInt32LE(offset + 20)
    const nameLength = zip.readUInt16LE(offset + 28)
    const extraLength = zip.readUInt16LE(offset + 30)
    const commentLength = zip.readUInt16LE(offset + 32)
    const local = zip.readUInt32LE(offset + 42)
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8')
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(dataStart, dataStart + compressed)
    entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** A zip of these entries, deflated. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const compressed = deflateRawSync(entry.data)
    const crc = crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(entry.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(entry.data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, compressed)
    centrals.push(central, name)
    offset += local.length + name.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&')
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The text of every <t> inside `xml` (rich text runs joined). */
function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => unescapeXml(match[1] ?? '')).join('')
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A'
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1
}

function columnLetters(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** Sheet name → its part in the zip, from the workbook and its relationships. */
function sheetParts(entries: readonly ZipEntry[]): Map<string, string> {
  const file = (name: string) => entries.find((entry) => entry.name === name)?.data.toString('utf8') ?? ''
  const rels = new Map<string, string>()
  for (const match of file('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1]
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1]
    if (id !== undefined && target !== undefined) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  }
  const parts = new Map<string, string>()
  for (const match of file('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1]
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1]
    const part = id === undefined ? undefined : rels.get(id)
    if (name !== undefined && part !== undefined) parts.set(unescapeXml(name), part)
  }
  return parts
}

export type Sheets = Map<string, string[][]>

/** Every sheet's rows as text (blank cells ''), in workbook order. */
export function readXlsx(workbook: Buffer): Sheets {
  const entries = readZip(workbook)
  const shared = [...(entries.find((entry) => entry.name === 'xl/sharedStrings.xml')?.data.toString('utf8') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (match) => texts(match[1] ?? ''),
  )
  const sheets: Sheets = new Map()
  for (const [name, part] of sheetParts(entries)) {
    const xml = entries.find((entry) => entry.name === part)?.data.toString('utf8') ?? ''
    const rows: string[][] = []
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const rowNumber = Number(/\br="(\d+)"/.exec(row[1] ?? '')?.[1] ?? rows.length + 1)
      const cells: string[] = []
      for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = cell[1] ?? ''
        const body = cell[2] ?? ''
        const index = columnIndex(/\br="([A-Z]+)\d*"/.exec(attributes)?.[1] ?? columnLetters(cells.length))
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1]
        const value = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '')
        const text = type === 's' ? (shared[Number(value)] ?? '') : type === 'inlineStr' ? texts(body) : value
        while (cells.length < index) cells.push('')
        cells[index] = text
      }
      while (rows.length < rowNumber - 1) rows.push([])
      rows[rowNumber - 1] = cells
    }
    sheets.set(name, rows)
  }
  return sheets
}

function sheetXml(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((cells, r) => {
      const xmlCells = cells
        .map((value, c) => (value === '' ? '' : `<c r="${columnLetters(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`))
        .join('')
      return `<row r="${r + 1}">${xmlCells}</row>`
    })
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`
}

/** The workbook with one sheet's content replaced by these rows (text cells); other parts unchanged. */
export function writeSheet(workbook: Buffer, sheet: string, rows: readonly (readonly string[])[]): Buffer {
  const entries = readZip(workbook)
  const part = sheetParts(entries).get(sheet)
  if (part === undefined) throw new Error(`no sheet ${sheet}`)
  return writeZip(entries.map((entry) => (entry.name === part ? { name: entry.name, data: Buffer.from(sheetXml(rows), 'utf8') } : entry)))
}
