export const weekTodo = {
  en: {
    'todo.title': 'Left to do for the week of {week}',
    'todo.done': 'Nothing left: the week is published, keeps every rule and covers every interval, and no request is waiting.',
    'todo.noRota': 'No rota yet: generate one or copy last week’s',
    'todo.pendingRequests': 'Requests waiting for your decision: {n}',
    'todo.unpublishedDraft': 'Draft revision {revision} is not published yet: review and publish it',
    'todo.ruleBreaks': 'Rule breaks in revision {revision}: {n}',
    'todo.uncovered': 'Intervals short of the requirement in revision {revision}: {n} ({hours} agent-hours)',
  },
  ka: {
    'todo.title': 'დარჩენილი საქმე კვირისთვის {week}',
    'todo.done': 'აღარაფერი დარჩა: კვირა გამოქვეყნებულია, ყველა წესს იცავს, ყველა ინტერვალს ფარავს და არცერთი მოთხოვნა არ ელოდება.',
    'todo.noRota': 'განრიგი ჯერ არ არის: შექმენით ან დააკოპირეთ წინა კვირის',
    'todo.pendingRequests': 'თქვენს გადაწყვეტილებას მოლოდინში მყოფი მოთხოვნები: {n}',
    'todo.unpublishedDraft': 'პროექტის ვერსია {revision} ჯერ არ არის გამოქვეყნებული: გადახედეთ და გამოაქვეყნეთ',
    'todo.ruleBreaks': 'წესების დარღვევები ვერსიაში {revision}: {n}',
    'todo.uncovered': 'მოთხოვნილზე ნაკლებად დაკომპლექტებული ინტერვალები ვერსიაში {revision}: {n} ({hours} აგენტ-საათი)',
  },
};
