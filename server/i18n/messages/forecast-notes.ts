/**
 * Why a forecast is as it is (forecasting/notes.ts): `forecast.note.<code>`. The reasons for the
 * method are clauses joined with "; ". Parameters arrive formatted by server/i18n/codes.ts
 * (method and holiday names translated, WAPE with three decimals).
 */
export const forecastNotes = {
  en: {
    'forecast.note.askedFor': 'the method was asked for',
    'forecast.note.tooLittleHistory': 'too little history to compare methods',
    'forecast.note.combinationKept':
      'the combination had WAPE {wape} over {folds} backtest week(s) before the start; {best} ({bestWape}) was not better by {marginPct}%',
    'forecast.note.lowestWape': 'lowest WAPE {wape} over {folds} backtest week(s) before the start',
    'forecast.note.betterThanCombination': '{marginPct}%+ better than the combination ({combinationWape})',
    'forecast.note.seasonalNaive': 'same interval last week: WAPE {wape}',
    'forecast.note.combinationNeedsHistory': 'the combination needs more history, so {method} is used',
    'forecast.note.combinationWeights': 'a weighted mean of {methods} (weights {weights})',
    'forecast.note.noHistory': 'no history before the start',
    'forecast.note.coordinatorEffect': 'set by the coordinator: {effectPct}%',
    'forecast.note.eventWithoutEffect': 'an event without an expected effect',
    'forecast.note.learnedFromSame': 'learned from {count} past {holiday}',
    'forecast.note.meanOfPastHolidays': 'the mean of {count} past holiday(s)',
    'forecast.note.defaultHolidayFactor': 'a public holiday never seen in the history: default factor {factor}',
    'forecast.note.holidaysTooFewSeen':
      'Georgian public holidays not applied: {seen} seen in the history (need {need}; --holidays GE to force)',
    'forecast.note.holidaysApplied': 'Georgian public holidays applied: median ratio {ratio} to ordinary days over {seen} seen',
    'forecast.note.holidaysNotApplied':
      'Georgian public holidays not applied: median ratio {ratio} to ordinary days over {seen} seen (--holidays GE to force)',
  },
  ka: {
    'forecast.note.askedFor': 'მეთოდი მითითებული იყო',
    'forecast.note.tooLittleHistory': 'ისტორია ძალიან მოკლეა მეთოდების შესადარებლად',
    'forecast.note.combinationKept':
      'კომბინაციის WAPE იყო {wape} დაწყებამდე {folds} უკუტესტის კვირაზე; {best} ({bestWape}) არ იყო {marginPct}%-ით უკეთესი',
    'forecast.note.lowestWape': 'ყველაზე დაბალი WAPE {wape} დაწყებამდე {folds} უკუტესტის კვირაზე',
    'forecast.note.betterThanCombination': '{marginPct}%+ უკეთესი კომბინაციაზე ({combinationWape})',
    'forecast.note.seasonalNaive': 'იგივე ინტერვალი წინა კვირას: WAPE {wape}',
    'forecast.note.combinationNeedsHistory': 'კომბინაციას მეტი ისტორია სჭირდება, ამიტომ გამოიყენება {method}',
    'forecast.note.combinationWeights': '{methods}-ის შეწონილი საშუალო (წონები {weights})',
    'forecast.note.noHistory': 'დაწყებამდე ისტორია არ არის',
    'forecast.note.coordinatorEffect': 'კოორდინატორის მითითებით: {effectPct}%',
    'forecast.note.eventWithoutEffect': 'მოვლენა მოსალოდნელი ეფექტის გარეშე',
    'forecast.note.learnedFromSame': 'ნასწავლია {count} წინა დღიდან: {holiday}',
    'forecast.note.meanOfPastHolidays': '{count} წინა უქმე დღის საშუალო',
    'forecast.note.defaultHolidayFactor': 'უქმე დღე, რომელიც ისტორიაში არ ჩანს: ნაგულისხმევი კოეფიციენტი {factor}',
    'forecast.note.holidaysTooFewSeen':
      'საქართველოს უქმე დღეები არ გამოიყენება: ისტორიაში ჩანს {seen} (საჭიროა {need}; --holidays GE იძულებით)',
    'forecast.note.holidaysApplied': 'საქართველოს უქმე დღეები გამოიყენება: მედიანური შეფარდება ჩვეულებრივ დღეებთან {ratio}, {seen} დღეზე',
    'forecast.note.holidaysNotApplied':
      'საქართველოს უქმე დღეები არ გამოიყენება: მედიანური შეფარდება ჩვეულებრივ დღეებთან {ratio}, {seen} დღეზე (--holidays GE იძულებით)',
  },
};
