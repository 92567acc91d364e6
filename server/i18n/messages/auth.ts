export const auth = {
  en: {
    'login.title': 'Log in',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Log in',
    'login.failed': 'That username and password do not match an active account.',
    'login.demoTitle': 'Demo logins',
    'login.demoIntro': 'Every demo account uses the password {password}.',
    'login.loggedOut': 'You have logged out.',
    'login.required': 'Please log in to continue.',
  },
  ka: {
    'login.title': 'შესვლა',
    'login.username': 'მომხმარებლის სახელი',
    'login.password': 'პაროლი',
    'login.submit': 'შესვლა',
    'login.failed': 'ეს მომხმარებლის სახელი და პაროლი არცერთ აქტიურ ანგარიშს არ ემთხვევა.',
    'login.demoTitle': 'სადემონსტრაციო ანგარიშები',
    'login.demoIntro': 'ყველა სადემონსტრაციო ანგარიშის პაროლია {password}.',
    'login.loggedOut': 'თქვენ გამოხვედით სისტემიდან.',
    'login.required': 'გასაგრძელებლად გთხოვთ, შეხვიდეთ სისტემაში.',
  },
};
