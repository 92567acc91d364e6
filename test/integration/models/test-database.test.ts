import { expect } from 'chai';
import { createStaff, historyBounds, insertHistory, listStaff, createChannel } from '../../../models';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

const NOW = '2026-11-25T09:00:00.000Z';
const person = (code: string) => ({
  code,
  name: code,
  role: 'agent' as const,
  skills: ['voice'],
  contractHoursPerWeek: 40,
  activeFrom: '2025-01-01',
});

describe(`test database helper (${testDbKind()})`, () => {
  it('createTestDataSource after one was filled and destroyed, is empty with ids starting at 1 again', async () => {
    const first = await createTestDataSource();
    await createStaff(first, person('a'), NOW);
    await createStaff(first, person('b'), NOW);
    await createChannel(first, {
      id: 'voice',
      nameKey: 'channel.voice',
      kind: 'voice',
      targetServiceLevel: 0.8,
      thresholdSeconds: 20,
      targetAsaSeconds: null,
      maxOccupancy: null,
      shrinkage: 0.3,
      patienceSeconds: null,
      maxAbandonRate: null,
      concurrency: 1,
      sortOrder: 1,
    });
    await insertHistory(first, [
      { start: NOW, channelId: 'voice', platformCode: '', intervalMinutes: 60, offered: 1, answered: 1, abandoned: 0, ahtSeconds: 100 },
    ]);
    await destroyTestDataSource(first);
    const second = await createTestDataSource();
    try {
      expect(await listStaff(second)).to.deep.equal([]);
      expect((await historyBounds(second)).count).to.equal(0);
      expect((await createStaff(second, person('c'), NOW)).id).to.equal(1);
    } finally {
      await destroyTestDataSource(second);
    }
  });

  it('createTestDataSource twice at once, gives two separate databases', async () => {
    const [a, b] = await Promise.all([createTestDataSource(), createTestDataSource()]);
    try {
      await createStaff(a, person('only-in-a'), NOW);
      expect((await listStaff(b)).length).to.equal(0);
    } finally {
      await destroyTestDataSource(a);
      await destroyTestDataSource(b);
    }
  });
});
