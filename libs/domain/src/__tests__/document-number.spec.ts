import { formatDocumentNumber, isDocumentSymbol } from '..';

describe('document numbers', () => {
  it('writes number and symbol as the seeds do, with a leading zero below 10', () => {
    expect(formatDocumentNumber(516, 'KH-UBND')).toBe('516/KH-UBND');
    expect(formatDocumentNumber(23, 'KH-SNgV')).toBe('23/KH-SNgV');
    expect(formatDocumentNumber(5, 'KH-UBND')).toBe('05/KH-UBND');
  });

  it('has no number zero', () => {
    expect(() => formatDocumentNumber(0, 'KH-UBND')).toThrow(RangeError);
  });

  it('accepts the symbols of the seeds and nothing that would break the number', () => {
    expect(['KH-UBND', 'KH-SNgV', 'KH-STTTT-TTBCXB', 'KH-SKHĐT'].every(isDocumentSymbol)).toBe(true);
    expect(['', 'KH/UBND', 'KH--UBND', '-KH', 'KH UBND'].some(isDocumentSymbol)).toBe(false);
  });
});
