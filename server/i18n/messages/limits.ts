/** Limits on input: sizes of uploads, lines and numbers, and impossible dates. */
export const limits = {
  en: {
    'import.err.tooLarge': '{field} is more than {max}',
    'import.err.lineTooLong': 'the line is longer than {max} characters: the reading stopped here',
    'import.err.quotedFieldTooLong':
      'a quoted field opened on this line is still open after {max} characters (a stray quote?): the reading stopped here',
    'import.tooBig': 'The file is larger than {maxMb} MB, the most this server accepts.',
  },
  ka: {
    'import.err.tooLarge': '{field} მეტია, ვიდრე {max}',
    'import.err.lineTooLong': 'სტრიქონი {max} სიმბოლოზე გრძელია: კითხვა აქ შეწყდა',
    'import.err.quotedFieldTooLong':
      'ამ სტრიქონზე გახსნილი ბრჭყალებიანი ველი {max} სიმბოლოს შემდეგაც ღიაა (ზედმეტი ბრჭყალი?): კითხვა აქ შეწყდა',
    'import.tooBig': 'ფაილი {maxMb} მბ-ზე დიდია — ეს სერვერი უფრო დიდს არ იღებს.',
  },
};
