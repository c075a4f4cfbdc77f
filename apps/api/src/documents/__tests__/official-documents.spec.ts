import { DEFAULT_UNIT_SETTINGS, type OrgUnit } from '@plancycle/domain';
import { approverName, issuerFacts, numberAndSymbol } from '../official-documents';

const unit = (code: string, name: string, kind: OrgUnit['kind'], parentCode: string | null): OrgUnit => ({ code, name, kind, parentCode, provinceCode: 'GL', settings: DEFAULT_UNIT_SETTINGS });
const units = [
  unit('GL', 'Ủy ban nhân dân tỉnh Gia Lai', 'province', null),
  unit('GL.SNGV', 'Sở Ngoại vụ', 'department', 'GL'),
  unit('GL.DUCCO', 'Ủy ban nhân dân huyện Đức Cơ', 'district', 'GL'),
  unit('GL.DUCCO.IADOM', 'Ủy ban nhân dân xã Ia Dom', 'commune', 'GL.DUCCO'),
];

describe('who issues and signs a unit’s papers', () => {
  it('has a Sở print its parent body, the province’s place and its director’s capacity', () => {
    expect(issuerFacts(units[1], units, 'Võ Quốc Bảo')).toEqual({
      provinceName: 'Gia Lai',
      place: 'Gia Lai',
      parentBody: 'UBND tỉnh Gia Lai',
      issuerName: 'Sở Ngoại vụ',
      signer: { capacityLines: ['GIÁM ĐỐC'], signerName: 'Võ Quốc Bảo' },
    });
  });

  it('has a commune sign for its Ủy ban nhân dân, under its own place name', () => {
    expect(issuerFacts(units[3], units, '')).toMatchObject({ place: 'Ia Dom', parentBody: '', signer: { capacityLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] } });
    expect(issuerFacts(units[2], units, '').place).toBe('Đức Cơ');
    expect(issuerFacts(units[0], units, '').place).toBe('Gia Lai');
  });

  it('reads the number and symbol of an issued version, and leaves a draft’s number blank', () => {
    expect(numberAndSymbol({ documentNumber: '05/KH-UBND' }, 'KH')).toEqual({ number: 5, symbol: 'KH-UBND' });
    expect(numberAndSymbol({ documentNumber: null }, 'KH-UBND')).toEqual({ number: null, symbol: 'KH-UBND' });
  });

  it('signs with the name of whoever approved that version', () => {
    const trail = [
      { action: 'approve', version: 1, actorName: 'Người cũ' },
      { action: 'submit', version: 2, actorName: 'Cán bộ' },
      { action: 'approve', version: 2, actorName: 'Đỗ Văn Thành' },
    ];
    expect(approverName(trail, 2)).toBe('Đỗ Văn Thành');
    expect(approverName(trail, 3)).toBe('');
  });
});
