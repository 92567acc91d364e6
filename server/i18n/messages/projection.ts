/** The week's service projection (one set of figures on every page), risk and its words. */
export const projection = {
  en: {
    'service.title': 'Projected service',
    'service.week': 'Week',
    'service.source.rota': 'People from rota revision {revision} ({status}).',
    'service.source.plan': 'No rota yet: exactly the people needed on the queue are assumed.',
    'service.row.sl': 'Service level',
    'service.row.asa': 'Average speed of answer',
    'service.row.abandon': 'Abandoned',
    'service.row.occupancy': 'Occupancy',
    'service.row.neededOnQueue': 'Needed on the queue (h)',
    'service.row.neededOnRota': 'Needed on the rota (h)',
    'service.row.onQueue': 'On the queue (h)',
    'service.row.short': 'Short on the queue (h)',
    'service.row.risk': 'Chance of missing the target',
    'service.help':
      '“Needed on the queue” is the people taking contacts the forecast needs (before shrinkage); “needed on the rota” adds shrinkage (breaks, absence) on top. People who take calls and chats are put where a channel is short first, and any spare are shared between the channels in proportion to what each needs. Hours are agent-hours.',
    'service.riskHelp':
      'Chance of missing: from the forecast’s uncertainty (its 80 % range) and an unplanned absence of {absence} of the people on duty; for a day, how likely its service level ends below the target.',
    'service.riskBand': '{time}: {pct} chance of missing {sl} in {seconds} s',
    'service.riskBands': 'Where the target is at risk',
    'service.noRisk': 'No interval has more than an even chance of missing the target.',
    'service.none': 'No forecast for this week yet.',
  },
  ka: {
    'service.title': 'მომსახურების პროგნოზი',
    'service.week': 'კვირა',
    'service.source.rota': 'ადამიანები განრიგის {revision} ვერსიიდან ({status}).',
    'service.source.plan': 'განრიგი ჯერ არ არის: ვთვლით, რომ რიგზე ზუსტად საჭირო რაოდენობაა.',
    'service.row.sl': 'მომსახურების დონე',
    'service.row.asa': 'პასუხის საშუალო დრო',
    'service.row.abandon': 'მიტოვებული',
    'service.row.occupancy': 'დატვირთულობა',
    'service.row.neededOnQueue': 'საჭიროა რიგზე (სთ)',
    'service.row.neededOnRota': 'საჭიროა განრიგში (სთ)',
    'service.row.onQueue': 'რიგზეა (სთ)',
    'service.row.short': 'აკლია რიგზე (სთ)',
    'service.row.risk': 'მიზნის ვერმიღწევის შანსი',
    'service.help':
      '„საჭიროა რიგზე“ — კონტაქტების მიმღები ადამიანები, რასაც პროგნოზი მოითხოვს (შეკუმშვამდე); „საჭიროა განრიგში“ — ამას ემატება შეკუმშვა (შესვენებები, არყოფნა). ვინც ზარებსაც და ჩატსაც იღებს, ჯერ იქ ნაწილდება, სადაც არხს აკლია, დარჩენილები კი არხებს შორის იყოფა საჭიროების პროპორციულად. საათები — აგენტ-საათებია.',
    'service.riskHelp':
      'ვერმიღწევის შანსი: პროგნოზის განუსაზღვრელობიდან (მისი 80 %-იანი დიაპაზონი) და მორიგეების {absence} დაუგეგმავი არყოფნიდან; დღისთვის — რამდენად სავარაუდოა, რომ მისი მომსახურების დონე მიზანზე დაბალი იქნება.',
    'service.riskBand': '{time}: {pct} შანსი, რომ {sl} {seconds} წამში ვერ მიიღწევა',
    'service.riskBands': 'სად არის მიზანი საფრთხეში',
    'service.noRisk': 'არცერთ ინტერვალში მიზნის ვერმიღწევის შანსი ნახევარს არ აღემატება.',
    'service.none': 'ამ კვირისთვის პროგნოზი ჯერ არ არის.',
  },
};
