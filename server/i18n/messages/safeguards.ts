/** Refusals that protect data and accounts: a publish overtaken by another, a locked login. */
export const safeguards = {
  en: {
    'rota.publishedMeanwhile':
      'Someone else published another revision of this week meanwhile, so nothing was published. Reload the week, look at their rota, and publish again if you still mean to replace it.',
    'login.locked': 'Too many failed logins with this username. Try again in {minutes} min.',
    'login.addressLocked': 'Too many failed logins from your network. Try again in {minutes} min.',
  },
  ka: {
    'rota.publishedMeanwhile':
      'ამასობაში ამ კვირის სხვა ვერსია სხვამ გამოაქვეყნა, ამიტომ არაფერი გამოქვეყნებულა. განაახლეთ კვირის გვერდი, ნახეთ მათი განრიგი და, თუ მაინც გსურთ მისი ჩანაცვლება, გამოაქვეყნეთ ხელახლა.',
    'login.locked': 'ამ მომხმარებლის სახელით შესვლის ძალიან ბევრი წარუმატებელი მცდელობა იყო. სცადეთ ხელახლა {minutes} წუთში.',
    'login.addressLocked': 'თქვენი ქსელიდან შესვლის ძალიან ბევრი წარუმატებელი მცდელობა იყო. სცადეთ ხელახლა {minutes} წუთში.',
  },
};
