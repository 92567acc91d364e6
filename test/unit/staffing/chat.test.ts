import { expect } from 'chai';
import { describeChatMethod } from '../../../staffing';

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
