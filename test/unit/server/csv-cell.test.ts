import { expect } from 'chai';
import { csvCell } from '../../../server/view-models/rota-export';

describe('csvCell: a cell a spreadsheet would read as a formula is defused', () => {
  for (const [raw, cell] of [
    ['=1+1', "'=1+1"],
    ['+49 123', "'+49 123"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['  =HYPERLINK("http://x")', `"'  =HYPERLINK(""http://x"")"`],
    ['\tcmd', "'\tcmd"],
    ['\r=cmd', `"'\r=cmd"`],
  ] as const) {
    it(`csvCell: ${JSON.stringify(raw)} → ${JSON.stringify(cell)}`, () => expect(csvCell(raw)).to.equal(cell));
  }

  it('csvCell: plain text stays as it is; commas and quotes are quoted, not defused', () => {
    expect(csvCell('Nino Beridze')).to.equal('Nino Beridze');
    expect(csvCell('a, "b"')).to.equal('"a, ""b"""');
    expect(csvCell('2026-11-24T12:00:00+04:00')).to.equal('2026-11-24T12:00:00+04:00');
  });
});
