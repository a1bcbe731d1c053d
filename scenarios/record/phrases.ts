// Realistic customer-service texts per language and script, for generated recordings.

export const LANGUAGES = ['en', 'es', 'de', 'ru', 'ar', 'ja', 'emoji'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface PhraseBook {
  opening: string[];
  followUp: string[];
  thanks: string[];
  agentGreeting: string[];
  agentAnswer: string[];
  agentClosing: string[];
}

export const PHRASES: Record<Language, PhraseBook> = {
  en: {
    opening: [
      'Hi, my order #{n} still has not arrived.',
      'Hello, I was charged twice on my last invoice.',
      'Can I change the delivery address for order {n}?',
      'My router keeps dropping the connection every evening.',
    ],
    followUp: [
      'It was supposed to come on Monday.',
      'The reference is {n}.',
      'I am at home all afternoon.',
      'Is there anything I can do in the meantime?',
    ],
    thanks: [
      'Great, thank you!',
      'Thanks a lot for the quick help.',
      'Perfect, that works for me.',
    ],
    agentGreeting: [
      'Hi {name}, thanks for reaching out. Let me check that for you.',
      'Hello {name}, I am looking into it now.',
    ],
    agentAnswer: [
      'I can see the parcel left our warehouse yesterday; it should arrive tomorrow.',
      'I have refunded the duplicate charge; you will see it in 3-5 days.',
      'Done, the new address is saved.',
    ],
    agentClosing: [
      'Anything else I can help with? Have a nice day!',
      'Glad I could help. Take care!',
    ],
  },
  es: {
    opening: [
      'Hola, mi pedido {n} todavía no ha llegado.',
      'Buenas tardes, me han cobrado dos veces la factura.',
      '¿Puedo cambiar la dirección de envío del pedido {n}?',
    ],
    followUp: [
      'Debía llegar el lunes.',
      'El número de referencia es {n}.',
      'Estoy en casa toda la tarde.',
    ],
    thanks: ['¡Genial, muchas gracias!', 'Gracias por la ayuda tan rápida.'],
    agentGreeting: [
      'Hola {name}, gracias por escribirnos. Lo reviso ahora mismo.',
      'Buenas {name}, enseguida lo compruebo.',
    ],
    agentAnswer: [
      'El paquete salió ayer del almacén; llegará mañana.',
      'He devuelto el cargo duplicado; lo verá en 3-5 días.',
    ],
    agentClosing: ['¿Algo más en lo que pueda ayudarle? ¡Que tenga un buen día!'],
  },
  de: {
    opening: [
      'Hallo, meine Bestellung {n} ist immer noch nicht angekommen.',
      'Guten Tag, mir wurde die Rechnung doppelt abgebucht.',
      'Kann ich die Lieferadresse für Bestellung {n} ändern?',
    ],
    followUp: [
      'Sie sollte am Montag kommen.',
      'Die Referenznummer ist {n}.',
      'Ich bin den ganzen Nachmittag zu Hause.',
    ],
    thanks: ['Super, vielen Dank!', 'Danke für die schnelle Hilfe.'],
    agentGreeting: [
      'Hallo {name}, danke für Ihre Nachricht. Ich schaue sofort nach.',
      'Guten Tag {name}, ich prüfe das gerade.',
    ],
    agentAnswer: [
      'Das Paket hat gestern unser Lager verlassen und kommt morgen an.',
      'Die doppelte Abbuchung ist erstattet; Sie sehen sie in 3-5 Tagen.',
    ],
    agentClosing: ['Kann ich sonst noch helfen? Schönen Tag noch!'],
  },
  ru: {
    opening: [
      'Здравствуйте, мой заказ {n} до сих пор не пришёл.',
      'Добрый день, с меня дважды списали оплату по счёту.',
      'Можно изменить адрес доставки заказа {n}?',
    ],
    followUp: ['Он должен был прийти в понедельник.', 'Номер обращения {n}.', 'Я дома весь день.'],
    thanks: ['Отлично, спасибо!', 'Спасибо за быструю помощь.'],
    agentGreeting: [
      'Здравствуйте, {name}! Спасибо за обращение, сейчас проверю.',
      'Добрый день, {name}, уже смотрю.',
    ],
    agentAnswer: [
      'Посылка вчера покинула склад и придёт завтра.',
      'Двойное списание возвращено, деньги поступят через 3-5 дней.',
    ],
    agentClosing: ['Могу ли я помочь чем-то ещё? Хорошего дня!'],
  },
  ar: {
    opening: [
      'مرحبا، طلبي رقم {n} لم يصل بعد.',
      'مساء الخير، تم خصم الفاتورة مرتين من حسابي.',
      'هل يمكنني تغيير عنوان التوصيل للطلب {n}؟',
    ],
    followUp: [
      'كان من المفترض أن يصل يوم الاثنين.',
      'الرقم المرجعي هو {n}.',
      'أنا في المنزل طوال فترة بعد الظهر.',
    ],
    thanks: ['رائع، شكرا جزيلا!', 'شكرا على المساعدة السريعة.'],
    agentGreeting: ['مرحبا {name}، شكرا لتواصلك معنا. سأتحقق من ذلك الآن.'],
    agentAnswer: [
      'غادرت الشحنة المستودع أمس وستصل غدا.',
      'تم استرداد المبلغ المخصوم مرتين خلال ٣-٥ أيام.',
    ],
    agentClosing: ['هل هناك أي شيء آخر يمكنني مساعدتك به؟ يوما سعيدا!'],
  },
  ja: {
    opening: [
      'こんにちは、注文番号{n}の商品がまだ届いていません。',
      '請求書の金額が二重に引き落とされています。',
      '注文{n}のお届け先を変更できますか？',
    ],
    followUp: ['月曜日に届く予定でした。', '問い合わせ番号は{n}です。', '午後はずっと家にいます。'],
    thanks: ['ありがとうございます！助かりました。', '迅速な対応に感謝します。'],
    agentGreeting: ['{name}様、お問い合わせありがとうございます。すぐに確認いたします。'],
    agentAnswer: [
      '荷物は昨日倉庫を出発し、明日到着予定です。',
      '二重の請求は返金済みです。3〜5日で反映されます。',
    ],
    agentClosing: ['他にお手伝いできることはありますか？良い一日を！'],
  },
  emoji: {
    opening: [
      'Hi 👋 my package 📦 #{n} is late 😕',
      'Hey! Double charge on my card 💳💳 😡',
      'Help 🙏 order {n} shows delivered but nothing here 🤷',
    ],
    followUp: ['Tracking says 🚚 since Monday', 'Ref {n} 🔢', 'Home all day 🏠'],
    thanks: ['Awesome 🙌 thanks!!', '👍👍 perfect', 'You rock 🤘😄'],
    agentGreeting: ['Hi {name} 😊 checking now!', 'Hey {name} 👋 on it!'],
    agentAnswer: ['Your parcel 📦 is out for delivery today 🚚', 'Refund done ✅ 3-5 days 💶'],
    agentClosing: ['Anything else? Have a great day ☀️', 'Glad to help 🙌 bye!'],
  },
};

/** Faker locale and phone pattern for each language's customers. */
export const COUNTRIES: Record<Language, { locale: string; prefix: string; digits: number }> = {
  en: { locale: 'en_US', prefix: '171855501', digits: 2 },
  es: { locale: 'es', prefix: '346', digits: 8 },
  de: { locale: 'de', prefix: '49151', digits: 8 },
  ru: { locale: 'ru', prefix: '7916', digits: 7 },
  ar: { locale: 'ar', prefix: '97150', digits: 7 },
  ja: { locale: 'ja', prefix: '8190', digits: 8 },
  emoji: { locale: 'en_GB', prefix: '161755501', digits: 2 },
};
