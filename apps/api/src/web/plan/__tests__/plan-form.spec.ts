import { itemsOfRows, rowsOfForm } from '../plan-form';

const messages = { budget: 'budget', timeFrame: 'timeFrame' };

describe('reading the plan grid a browser posted', () => {
  it('keeps the rows in the order shown, drops blank ones and gives new rows the next free id', () => {
    const rows = rowsOfForm({
      'item.10.content': 'Hội nghị biên giới',
      'item.10.lead': 'GL.DUCCO.IADOM',
      'item.10.timeFrame': 'q2',
      'item.10.budget': '200.000.000',
      'item.10.coordinating': ['GL.BDBP', 'GL.DUCCO.IADOM'],
      'item.2.id': '1',
      'item.2.content': 'Phân công cán bộ',
      'item.2.lead': 'GL.DUCCO.IADOM',
      'item.2.timeFrame': 'regular',
      'item.2.focus': ['1', '2'],
      'item.2.source': 'p-1',
      'item.11.content': '',
      'item.11.budget': '',
      'item.x.content': 'not a row',
    });
    const { items, problems } = itemsOfRows(rows, 2027, messages);
    expect(problems).toEqual([]);
    expect(items).toEqual([
      { id: '1', content: 'Phân công cán bộ', leadUnitCode: 'GL.DUCCO.IADOM', coordinatingUnitCodes: [], timeFrame: { kind: 'regular' }, budget: null, focusTaskNumbers: [1, 2], sourceItemId: 'p-1' },
      // The lead unit is not also a coordinating unit of its own row.
      { id: '2', content: 'Hội nghị biên giới', leadUnitCode: 'GL.DUCCO.IADOM', coordinatingUnitCodes: ['GL.BDBP'], timeFrame: { kind: 'quarter', year: 2027, quarter: 2 }, budget: 200_000_000, focusTaskNumbers: [], sourceItemId: null },
    ]);
  });

  it('names the rows whose budget is no amount or whose time frame is not offered, instead of guessing', () => {
    const rows = rowsOfForm({
      'item.0.content': 'a', 'item.0.timeFrame': 'q1', 'item.0.budget': '1,5',
      'item.1.content': 'b', 'item.1.timeFrame': 'q1', 'item.1.budget': '2.50',
      'item.2.content': 'c', 'item.2.timeFrame': 'q9', 'item.2.budget': '',
    });
    expect(itemsOfRows(rows, 2027, messages).problems).toEqual([
      { row: 1, message: 'budget' },
      { row: 2, message: 'budget' },
      { row: 3, message: 'timeFrame' },
    ]);
  });
});
