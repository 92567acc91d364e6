import { expect } from 'chai';
import { describeChatMethod, describeConventions } from '../../../staffing';

describe('staffing/chat', () => {
  it('describeChatMethod, for the page, names the method and states assumptions, first-response meaning and blended counting', () => {
    const d = describeChatMethod();
    expect(d.method).to.equal('concurrency-slots');
    expect(d.assumptions.length).to.be.at.least(3);
    expect(d.firstResponseTarget).to.match(/thresholdSeconds = 180–300/);
    expect(d.blendedTeams).to.match(/counted in the chat requirement/);
    expect(JSON.parse(JSON.stringify(d))).to.deep.equal(d); // plain data
  });
});

describe('staffing/conventions', () => {
  it('describeConventions, for the page, states SL over all offered and ASA over answered, and the three models', () => {
    const c = describeConventions();
    expect(c.metrics.serviceLevel).to.match(/÷ all offered/);
    expect(c.metrics.asaSeconds).to.match(/answered/);
    expect(c.models.map((m) => m.model)).to.deep.equal(['erlang-b', 'erlang-c', 'erlang-a']);
    expect(JSON.parse(JSON.stringify(c))).to.deep.equal(c);
  });
});
