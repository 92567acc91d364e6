import { expect } from 'chai';
import { formValuesOf, parseErlangForm } from '../../../server/view-models/erlang';

describe('Erlang calculator form: query parameters in people’s units', () => {
  it('percentages typed as 80 become fractions; empty targets stay unset; concurrency defaults to 1', () => {
    const f = parseErlangForm({
      volume: '100',
      intervalMinutes: '30',
      ahtSeconds: '180',
      thresholdSeconds: '20',
      targetServiceLevel: '80',
      maxOccupancy: '85',
      shrinkage: '30',
      targetAsaSeconds: '',
    });
    expect(f.errors).to.deep.equal({});
    expect(f.input).to.deep.equal({
      volume: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
      targetAsaSeconds: undefined,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
      patienceSeconds: undefined,
      maxAbandonRate: undefined,
      concurrency: 1,
    });
  });

  it('a decimal comma is accepted and a repeated parameter takes its first value', () => {
    const f = parseErlangForm({ volume: ['12,5', '99'], intervalMinutes: '15', ahtSeconds: '200', maxOccupancy: '85' });
    expect(f.input?.volume).to.equal(12.5);
  });

  it('a service level or occupancy typed as a fraction (0.8 meant as 80 %) is refused with a hint', () => {
    const f = parseErlangForm({
      volume: '10',
      intervalMinutes: '30',
      ahtSeconds: '200',
      thresholdSeconds: '20',
      targetServiceLevel: '0.8',
      maxOccupancy: '0.85',
    });
    expect(f.errors).to.deep.equal({
      targetServiceLevel: 'erlang.error.percentNotFraction',
      maxOccupancy: 'erlang.error.percentNotFraction',
    });
  });

  it('100 % shrinkage, a fractional interval and a fractional concurrency are refused', () => {
    const f = parseErlangForm({
      volume: '10',
      intervalMinutes: '30.5',
      ahtSeconds: '200',
      maxOccupancy: '85',
      shrinkage: '100',
      concurrency: '1.5',
    });
    expect(f.input).to.equal(null);
    expect(f.errors).to.deep.equal({
      intervalMinutes: 'erlang.error.interval',
      shrinkage: 'erlang.error.shrinkage',
      concurrency: 'erlang.error.concurrency',
    });
  });

  it('an interval of more than 5 000 Erlangs is refused on the volume field', () => {
    const f = parseErlangForm({ volume: '1000000', intervalMinutes: '15', ahtSeconds: '600', maxOccupancy: '85' });
    expect(f.errors).to.deep.equal({ volume: 'erlang.error.loadTooLarge' });
  });

  it('formValuesOf: fractions back to the percentages people type (no float noise)', () => {
    const values = formValuesOf({
      volume: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
      concurrency: 1,
      thresholdSeconds: 20,
    });
    expect(values).to.include({ targetServiceLevel: '80', maxOccupancy: '85', shrinkage: '30', volume: '100' });
  });
});
