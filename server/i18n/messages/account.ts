/** A person's own account, the password policy, forgotten passwords and their mail. */
export const account = {
  en: {
    'nav.account': 'My account',
    'account.title': 'My account',
    'account.signedInAs': 'Logged in as {username}.',
    'account.password.title': 'Change password',
    'account.password.current': 'Current password',
    'account.password.new': 'New password',
    'account.password.confirm': 'Repeat the new password',
    'account.password.effect': 'Changing it logs you out everywhere else and ends your calendar link (make a new one on My shifts).',
    'account.password.submit': 'Change password',
    'account.saved.password': 'Password changed. Your other sessions and your calendar link have been ended.',
    'account.email.title': 'E-mail address',
    'account.email.help':
      'Where Rota sends a link when you forget your password, and the notifications you choose below. Leave it empty to have none.',
    'account.email.label': 'E-mail',
    'account.saved.email': 'E-mail address saved.',
    'account.language.title': 'Language',
    'account.language.help':
      'Choose the language with the switch at the bottom of any page: it is saved on your account and used when you next log in, in mail and in your calendar feed.',
    'account.error.currentPassword': 'This is not your current password.',
    'account.error.confirm': 'The two passwords differ.',
    'account.error.email': 'Enter an e-mail address such as name@example.ge, or leave the field empty.',
    'account.error.demo': 'Demo accounts keep their public password and have no e-mail address, so that the demo stays open to everyone.',
    'account.error.invalid': 'This value is not valid.',
    'password.policy':
      'At least 12 characters and hard to guess: a few unrelated words make a good password. Common passwords and ones built on your username are refused.',
    'password.error.short': 'The password needs at least 12 characters.',
    'password.error.long': 'The password may have at most 200 characters.',
    'password.error.common':
      'This password is common, close to a common one or built on your username: attackers try those first. Choose another.',
    'password.error.weak':
      'This password is too easy to guess (repeats, sequences, keyboard patterns or dates). Try a few unrelated words.',
    'password.forgot.link': 'Forgot password?',
    'password.forgot.title': 'Forgotten password',
    'password.forgot.intro':
      'Enter your username or the e-mail address saved on your account. If the account has an address, we send a link to it to set a new password.',
    'password.forgot.identifier': 'Username or e-mail address',
    'password.forgot.submit': 'Send the link',
    'password.forgot.required': 'Enter a username or an e-mail address.',
    'password.forgot.sent':
      'If that account exists and has an e-mail address, a link is on its way to it. The link works once, for {minutes} minutes. No mail? Look in the spam folder, or ask your administrator to reset the password.',
    'password.forgot.noMail':
      'Rota cannot send mail here, so ask your administrator to reset your password (on the Accounts page, or with wfm user password on the server). Then change it on your account page.',
    'password.backToLogin': 'Back to log in',
    'password.reset.title': 'Set a new password',
    'password.reset.for': 'For the account {username}.',
    'password.reset.submit': 'Set the password',
    'password.reset.invalid': 'This link has expired or has already been used.',
    'password.reset.askAgain': 'Ask for a new link',
    'password.reset.done': 'Your new password is set: log in with it. Every other session has been ended.',
    'mail.reset.subject': 'Rota: set a new password',
    'mail.reset.body':
      'Hello,\n\nSomeone (we hope you) asked to set a new password for the Rota account {username}. Open this link within {minutes} minutes to do it; it works once:\n\n{link}\n\nIf it was not you, ignore this message: your password stays as it is.\n',
  },
  ka: {
    'nav.account': 'ჩემი ანგარიში',
    'account.title': 'ჩემი ანგარიში',
    'account.signedInAs': 'შესული ხართ, როგორც {username}.',
    'account.password.title': 'პაროლის შეცვლა',
    'account.password.current': 'მიმდინარე პაროლი',
    'account.password.new': 'ახალი პაროლი',
    'account.password.confirm': 'გაიმეორეთ ახალი პაროლი',
    'account.password.effect':
      'შეცვლის შემდეგ ყველა სხვა მოწყობილობაზე გამოხვალთ სისტემიდან და თქვენი კალენდრის ბმული გაუქმდება (ახალი შექმენით გვერდზე „ჩემი ცვლები“).',
    'account.password.submit': 'პაროლის შეცვლა',
    'account.saved.password': 'პაროლი შეიცვალა. თქვენი სხვა სესიები და კალენდრის ბმული გაუქმდა.',
    'account.email.title': 'ელფოსტის მისამართი',
    'account.email.help': 'აქ გამოგიგზავნით ბმულს პაროლის დავიწყებისას და ქვემოთ არჩეულ შეტყობინებებს. თუ არ გსურთ, დატოვეთ ცარიელი.',
    'account.email.label': 'ელფოსტა',
    'account.saved.email': 'ელფოსტის მისამართი შენახულია.',
    'account.language.title': 'ენა',
    'account.language.help':
      'ენა აირჩიეთ ნებისმიერი გვერდის ბოლოში არსებული გადამრთველით: ის ინახება თქვენს ანგარიშზე და გამოიყენება შემდეგი შესვლისას, წერილებსა და კალენდრის არხში.',
    'account.error.currentPassword': 'ეს არ არის თქვენი მიმდინარე პაროლი.',
    'account.error.confirm': 'ორი პაროლი ერთმანეთს არ ემთხვევა.',
    'account.error.email': 'შეიყვანეთ ელფოსტის მისამართი, მაგალითად name@example.ge, ან დატოვეთ ველი ცარიელი.',
    'account.error.demo':
      'სადემონსტრაციო ანგარიშები ინარჩუნებენ საჯარო პაროლს და ელფოსტის მისამართი არ აქვთ, რათა დემო ყველასთვის ღია დარჩეს.',
    'account.error.invalid': 'მნიშვნელობა არასწორია.',
    'password.policy':
      'მინიმუმ 12 სიმბოლო და ძნელად გამოსაცნობი: კარგი პაროლია რამდენიმე ერთმანეთთან დაუკავშირებელი სიტყვა. გავრცელებული პაროლები და თქვენს მომხმარებლის სახელზე აგებული პაროლები არ მიიღება.',
    'password.error.short': 'პაროლს სჭირდება მინიმუმ 12 სიმბოლო.',
    'password.error.long': 'პაროლი შეიძლება იყოს მაქსიმუმ 200 სიმბოლო.',
    'password.error.common':
      'ეს პაროლი გავრცელებულია, ჰგავს გავრცელებულს ან თქვენს მომხმარებლის სახელზეა აგებული: თავდამსხმელები პირველ რიგში სწორედ ასეთებს ცდიან. აირჩიეთ სხვა.',
    'password.error.weak':
      'ეს პაროლი ძალიან ადვილი გამოსაცნობია (გამეორებები, მიმდევრობები, კლავიატურის ნიმუშები ან თარიღები). სცადეთ რამდენიმე ერთმანეთთან დაუკავშირებელი სიტყვა.',
    'password.forgot.link': 'დაგავიწყდათ პაროლი?',
    'password.forgot.title': 'დავიწყებული პაროლი',
    'password.forgot.intro':
      'შეიყვანეთ მომხმარებლის სახელი ან თქვენს ანგარიშზე შენახული ელფოსტის მისამართი. თუ ანგარიშს მისამართი აქვს, მასზე გამოგიგზავნით ბმულს ახალი პაროლის დასაყენებლად.',
    'password.forgot.identifier': 'მომხმარებლის სახელი ან ელფოსტის მისამართი',
    'password.forgot.submit': 'ბმულის გაგზავნა',
    'password.forgot.required': 'შეიყვანეთ მომხმარებლის სახელი ან ელფოსტის მისამართი.',
    'password.forgot.sent':
      'თუ ასეთი ანგარიში არსებობს და ელფოსტის მისამართი აქვს, ბმული უკვე გზაშია. ბმული ერთხელ მუშაობს, {minutes} წუთის განმავლობაში. წერილი არ მოვიდა? შეამოწმეთ სპამის საქაღალდე ან სთხოვეთ ადმინისტრატორს პაროლის აღდგენა.',
    'password.forgot.noMail':
      'Rota აქ ელფოსტას ვერ აგზავნის, ამიტომ სთხოვეთ ადმინისტრატორს პაროლის აღდგენა (გვერდზე „ანგარიშები“ ან ბრძანებით wfm user password სერვერზე). შემდეგ შეცვალეთ ის თქვენი ანგარიშის გვერდზე.',
    'password.backToLogin': 'შესვლის გვერდზე დაბრუნება',
    'password.reset.title': 'ახალი პაროლის დაყენება',
    'password.reset.for': 'ანგარიშისთვის {username}.',
    'password.reset.submit': 'პაროლის დაყენება',
    'password.reset.invalid': 'ამ ბმულს ვადა გაუვიდა ან უკვე გამოყენებულია.',
    'password.reset.askAgain': 'ახალი ბმულის მოთხოვნა',
    'password.reset.done': 'ახალი პაროლი დაყენებულია: შედით მისით. ყველა სხვა სესია დასრულდა.',
    'mail.reset.subject': 'Rota: ახალი პაროლის დაყენება',
    'mail.reset.body':
      'გამარჯობა,\n\nვიღაცამ (იმედია, თქვენ) მოითხოვა Rota-ს ანგარიშისთვის {username} ახალი პაროლის დაყენება. ამისთვის {minutes} წუთის განმავლობაში გახსენით ეს ბმული; ის მხოლოდ ერთხელ მუშაობს:\n\n{link}\n\nთუ ეს თქვენ არ იყავით, ყურადღებას ნუ მიაქცევთ ამ წერილს: თქვენი პაროლი უცვლელი დარჩება.\n',
  },
};
