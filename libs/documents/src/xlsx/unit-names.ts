import { looseKey } from './cells';

export interface UnitRef {
  code: string;
  name: string;
}

/**
 * Finds units by the names officials type (or by their codes), forgiving case, spacing, punctuation
 * and diacritics (`Văn hoá`/`Văn hóa`). Two units that only differ in such details are told apart by
 * their exact names.
 */
export class UnitNames {
  private readonly byKey = new Map<string, UnitRef[]>();

  constructor(units: readonly UnitRef[]) {
    for (const unit of units) {
      for (const key of new Set([looseKey(unit.name), looseKey(unit.code)])) {
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), unit]);
      }
    }
  }

  find(text: string): UnitRef | undefined {
    const candidates = this.byKey.get(looseKey(text)) ?? [];
    if (candidates.length <= 1) return candidates[0];
    const exact = text.normalize('NFC').trim();
    return candidates.find((unit) => unit.name === exact || unit.code === exact);
  }

  /**
   * Splits a "Cơ quan phối hợp" cell into units. `;` and line breaks always separate; a comma may
   * also be inside a name (`Sở Văn hóa, Thể thao và Du lịch`), so comma-separated pieces are joined
   * back while together they make the longest known name.
   */
  findAll(text: string): { units: UnitRef[]; unknown: string[] } {
    const units: UnitRef[] = [];
    const unknown: string[] = [];
    for (const part of text.split(/[;\n]/)) {
      const pieces = part
        .split(',')
        .map((piece) => piece.trim())
        .filter((piece) => looseKey(piece) !== '');
      let start = 0;
      while (start < pieces.length) {
        let end = pieces.length;
        let unit: UnitRef | undefined;
        for (; end > start; end -= 1) {
          unit = this.find(pieces.slice(start, end).join(', '));
          if (unit) break;
        }
        if (unit) {
          units.push(unit);
          start = end;
        } else {
          unknown.push(pieces[start].replace(/[.\s]+$/, ''));
          start += 1;
        }
      }
    }
    return { units, unknown };
  }
}
