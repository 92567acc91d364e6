/**
 * The words for the domain's codes: how a hard rule is broken (`rota.ruleDetail.<code>`, after
 * the rule's own title `rota.rule.<rule>`) and why no rota exists (`rota.infeasible.<code>`).
 * Forecast and backtest warnings: `forecast.warning.<code>` (forecasting/warnings.ts).
 * Parameters arrive formatted by server/i18n/codes.ts (hours rounded, instants in the team's zone).
 */
export const codes = {
  en: {
    'rota.ruleDetail.shiftLength': '{lengthHours} h long; allowed: {allowedHours} h',
    'rota.ruleDetail.startsBefore': 'starts before {earliest}',
    'rota.ruleDetail.endsAfter': 'ends after {latest}',
    'rota.ruleDetail.week': 'starts outside the planning week',
    'rota.ruleDetail.grid': 'not on the {stepMinutes}-minute grid',
    'rota.ruleDetail.unavailable': 'unavailable from {from} to {to}',
    'rota.ruleDetail.skill': 'works {channel} without the skill',
    'rota.ruleDetail.breakOutside': 'break outside the shift',
    'rota.ruleDetail.breaksOverlap': 'breaks overlap',
    'rota.ruleDetail.breakTooShort': 'breaks total {totalMinutes} min, need {needMinutes}',
    'rota.ruleDetail.nightHours': '{nightHours} night hours, max {maxHours}',
    'rota.ruleDetail.unknownStaff': 'staff id {staffId} is not in the team',
    'rota.ruleDetail.movedAway': '{name} is now in {team}: their shifts here can be taken out, not given new times',
    'rota.ruleDetail.oneShiftPerDay': 'second shift on the same day',
    'rota.ruleDetail.contractHours': 'works {workedHours} h, contract {contractHours} h ± {toleranceHours}',
    'rota.ruleDetail.maxHours': 'works {workedHours} h > {maxHours} h',
    'rota.ruleDetail.overlap': 'overlaps the previous shift',
    'rota.ruleDetail.rest': 'only {restHours} h rest, need {needHours} h',
    'rota.ruleDetail.daysOff': '{daysOff} full days off, need {needDays}',
    'rota.ruleDetail.consecutiveDays': '{days} days in a row, max {maxDays}',
    'rota.ruleDetail.locked': 'locked shift {start}–{end} changed or missing',
    'rota.infeasible.contractAboveMaximum':
      '{name} has {contractHours} contracted hours, more than the {maxHours}-hour weekly maximum (no overtime allowed).',
    'rota.infeasible.notEnoughDays':
      '{name} has {contractHours} contracted hours but can work at most {maxDays} day(s) of at most {longestHours} h this week (time off, unavailability or rest after last week block {blockedDates}).',
    'rota.infeasible.notEnoughDaysOff':
      '{name} has {contractHours} contracted hours but can work at most {maxDays} day(s) of at most {longestHours} h ({daysOff} days off a week).',
    'rota.infeasible.noWeekFits':
      '{name}: no set of shifts reaches {contractHours} ± {toleranceHours} h while keeping {restHours} h rest, {daysOff} days off, at most {maxConsecutiveDays} days in a row (counting last week) and the locked shifts.',
    'rota.infeasible.noRotaKeepsTheRules': 'No rota keeps every rule (the per-person checks found no single cause).',
    'rota.infeasible.noRotaInTime': 'No rota was found within the time limit.',
    'rota.infeasible.noHistory':
      '{channel}: no forecast of the week and no history to make one, so nothing says how many people it needs. Import its history (History page) or generate a forecast first.',
    'forecast.warning.mixedIntervals':
      'The history changes interval length ({coarseMinutes}-minute rows on some days, {fineMinutes}-minute on others): summed into {coarseMinutes}-minute intervals.',
    'forecast.warning.shortHistory':
      'Short history ({days} days before the start): the method was chosen on few weeks, and the intervals are rough.',
    'forecast.warning.shortHistoryNoBacktest':
      'Short history ({days} days before the start): no backtest was possible, so {method} is used, and the intervals are rough.',
    'forecast.warning.defaultSpread': 'Too few backtest errors to calibrate the prediction intervals: a default spread is used.',
    'forecast.warning.outliers': '{count} unusual day(s) were left out of training (latest: {dates}).',
    'forecast.warning.historyGap': 'The history ends {days} day(s) before the forecast starts.',
    'forecast.warning.fewerFolds':
      'The history ({days} days) holds {folds} backtest fold(s) of {horizonHours} h after a week of training, not {asked}: backtested on {folds}.',
    'forecast.warning.methodsOnFewerFolds':
      'Some methods could not run on every fold (too little history): their figures cover fewer intervals.',
    'forecast.warning.noHistory': 'No history before the start: there is nothing to forecast from.',
  },
  ka: {
    'rota.ruleDetail.shiftLength': 'ხანგრძლივობა {lengthHours} სთ, დასაშვებია {allowedHours} სთ',
    'rota.ruleDetail.startsBefore': 'იწყება {earliest}-მდე',
    'rota.ruleDetail.endsAfter': 'მთავრდება {latest}-ის შემდეგ',
    'rota.ruleDetail.week': 'იწყება დაგეგმვის კვირის გარეთ',
    'rota.ruleDetail.grid': 'არ არის {stepMinutes}-წუთიან ბადეზე',
    'rota.ruleDetail.unavailable': 'მიუწვდომელია {from}-დან {to}-მდე',
    'rota.ruleDetail.skill': 'მუშაობს არხზე „{channel}“ უნარის გარეშე',
    'rota.ruleDetail.breakOutside': 'შესვენება ცვლის გარეთაა',
    'rota.ruleDetail.breaksOverlap': 'შესვენებები ერთმანეთს ფარავს',
    'rota.ruleDetail.breakTooShort': 'შესვენებები სულ {totalMinutes} წთ, საჭიროა {needMinutes}',
    'rota.ruleDetail.nightHours': '{nightHours} ღამის საათი, მაქსიმუმ {maxHours}',
    'rota.ruleDetail.unknownStaff': 'თანამშრომელი {staffId} გუნდში არ არის',
    'rota.ruleDetail.movedAway': '{name} ახლა გუნდშია „{team}“: მისი აქაური ცვლების ამოღება შეიძლება, ახალი დროის მიცემა — არა',
    'rota.ruleDetail.oneShiftPerDay': 'მეორე ცვლა იმავე დღეს',
    'rota.ruleDetail.contractHours': 'მუშაობს {workedHours} სთ, ხელშეკრულებით {contractHours} სთ ± {toleranceHours}',
    'rota.ruleDetail.maxHours': 'მუშაობს {workedHours} სთ > {maxHours} სთ',
    'rota.ruleDetail.overlap': 'ემთხვევა წინა ცვლას',
    'rota.ruleDetail.rest': 'მხოლოდ {restHours} სთ დასვენება, საჭიროა {needHours} სთ',
    'rota.ruleDetail.daysOff': '{daysOff} სრული დასვენების დღე, საჭიროა {needDays}',
    'rota.ruleDetail.consecutiveDays': 'ზედიზედ {days} დღე, მაქსიმუმ {maxDays}',
    'rota.ruleDetail.locked': 'დაბლოკილი ცვლა {start}–{end} შეიცვალა ან აკლია',
    'rota.infeasible.contractAboveMaximum':
      '{name}: ხელშეკრულებით {contractHours} საათი, კვირის მაქსიმუმზე ({maxHours} საათი) მეტი (ზეგანაკვეთური არ არის დაშვებული).',
    'rota.infeasible.notEnoughDays':
      '{name}: ხელშეკრულებით {contractHours} საათი, მაგრამ ამ კვირას შეუძლია მაქსიმუმ {maxDays} დღე იმუშაოს, დღეში მაქსიმუმ {longestHours} საათი (შვებულება, მიუწვდომლობა ან წინა კვირის შემდეგ დასვენება ბლოკავს: {blockedDates}).',
    'rota.infeasible.notEnoughDaysOff':
      '{name}: ხელშეკრულებით {contractHours} საათი, მაგრამ შეუძლია მაქსიმუმ {maxDays} დღე იმუშაოს, დღეში მაქსიმუმ {longestHours} საათი (კვირაში {daysOff} დასვენების დღე).',
    'rota.infeasible.noWeekFits':
      '{name}: ცვლების ვერცერთი ნაკრები ვერ აღწევს {contractHours} ± {toleranceHours} საათს ისე, რომ დაცული იყოს {restHours} საათი დასვენება, {daysOff} დასვენების დღე, ზედიზედ მაქსიმუმ {maxConsecutiveDays} დღე (წინა კვირის ჩათვლით) და დაბლოკილი ცვლები.',
    'rota.infeasible.noRotaKeepsTheRules':
      'ვერცერთი განრიგი ვერ იცავს ყველა წესს (თითოეული თანამშრომლის შემოწმებამ ერთი მიზეზი ვერ იპოვა).',
    'rota.infeasible.noRotaInTime': 'დროის ლიმიტში განრიგი ვერ მოიძებნა.',
    'rota.infeasible.noHistory':
      '{channel}: ამ კვირის პროგნოზი არ არის და არც ისტორიაა მის შესაქმნელად, ამიტომ უცნობია, რამდენი ადამიანი სჭირდება. ჯერ შემოიტანეთ მისი ისტორია (ისტორიის გვერდი) ან შექმენით პროგნოზი.',
    'forecast.warning.mixedIntervals':
      'ისტორიაში ინტერვალის ხანგრძლივობა იცვლება (ზოგ დღეს {coarseMinutes}-წუთიანი ჩანაწერებია, ზოგს {fineMinutes}-წუთიანი): შეჯამდა {coarseMinutes}-წუთიან ინტერვალებად.',
    'forecast.warning.shortHistory':
      'მოკლე ისტორია (დაწყებამდე {days} დღე): მეთოდი შეირჩა რამდენიმე კვირის მიხედვით და ინტერვალები მიახლოებითია.',
    'forecast.warning.shortHistoryNoBacktest':
      'მოკლე ისტორია (დაწყებამდე {days} დღე): უკუტესტი ვერ ჩატარდა, ამიტომ გამოიყენება {method}, ინტერვალები კი მიახლოებითია.',
    'forecast.warning.defaultSpread':
      'უკუტესტის ცდომილებები საკმარისი არ არის ინტერვალების დასაკალიბრებლად: გამოიყენება სტანდარტული გაფანტულობა.',
    'forecast.warning.outliers': 'სწავლებიდან გამოირიცხა {count} უჩვეულო დღე (უახლესი: {dates}).',
    'forecast.warning.historyGap': 'ისტორია მთავრდება პროგნოზის დაწყებამდე {days} დღით ადრე.',
    'forecast.warning.fewerFolds':
      'ისტორია ({days} დღე) ერთკვირიანი სწავლების შემდეგ იტევს {horizonHours}-საათიან {folds} უკუტესტის ნაწილს და არა {asked}-ს: უკუტესტი ჩატარდა {folds} ნაწილზე.',
    'forecast.warning.methodsOnFewerFolds':
      'ზოგიერთი მეთოდი ყველა ნაწილზე ვერ გაეშვა (ისტორია ძალიან მოკლეა): მათი მაჩვენებლები ნაკლებ ინტერვალს მოიცავს.',
    'forecast.warning.noHistory': 'დაწყებამდე ისტორია არ არის: პროგნოზისთვის საფუძველი არ არსებობს.',
  },
};
