import type { Localized } from "@/lib/i18n/locales";

/**
 * The first campaign, built only from ../shared/content/turymbetov-profile.txt
 * (KIBHR profile, 27 July 2020). Every fact here must be traceable to that text.
 */
export type SeedContent = {
  campaign: { slug: string; name: Localized; tagline: Localized };
  profile: {
    name: Localized;
    role: Localized;
    residence: Localized;
    dateOfBirth: string; // ISO date
    article: Localized; // the criminal-code article, as a reader would name it
    nationality: Localized;
    citizenship: Localized;
    education: Localized;
    health: Localized;
    summary: Localized; // one paragraph: who he is
    biography: Localized; // several paragraphs separated by blank lines
  };
  timeline: Array<{
    date: string; // ISO date; for month or year precision use the first day
    precision: "day" | "month" | "year";
    title: Localized;
    body: Localized;
  }>;
  sources: Array<{ title: Localized; publisher: Localized; publishedOn: string; url: string | null }>;
  petition: {
    slug: string;
    target: Localized;
    goal: number;
    deadline: string; // ISO timestamp
    title: Localized;
    summary: Localized;
    body: Localized; // paragraphs separated by blank lines
  };
};

export const seedContent: SeedContent = {
  campaign: {
    slug: "marat-turymbetov",
    name: {
      ru: "Справедливость для Марата Турымбетова",
      kk: "Марат Турымбетовқа әділдік",
      en: "Justice for Marat Turymbetov",
    },
    tagline: {
      ru: "Гражданского активиста Марата Турымбетова, который находится на хроническом гемодиализе, в 2020 году допросили по уголовному делу из-за его репостов в Facebook.",
      kk: "Созылмалы гемодиализде жүрген азаматтық белсенді Марат Турымбетовтан 2020 жылы Facebook-тегі репостары үшін қылмыстық іс бойынша жауап алынды.",
      en: "Civil society activist Marat Turymbetov, who depends on chronic haemodialysis, was questioned in a 2020 criminal case over his Facebook reposts.",
    },
  },

  profile: {
    name: {
      ru: "Марат Турымбетов",
      kk: "Марат Турымбетов",
      en: "Marat Turymbetov",
    },
    role: {
      ru: "гражданский активист, блогер",
      kk: "азаматтық белсенді, блогер",
      en: "civil society activist, blogger",
    },
    residence: {
      ru: "Алматы",
      kk: "Алматы",
      en: "Almaty",
    },
    dateOfBirth: "1969-03-03",
    article: {
      ru: "Часть 4 статьи 274 Уголовного кодекса Республики Казахстан («распространение заведомо ложной информации в условиях чрезвычайного положения»)",
      kk: "Қазақстан Республикасы Қылмыстық кодексінің 274-бабының 4-бөлігі («төтенше жағдай кезінде көрінеу жалған ақпарат тарату»)",
      en: "Article 274(4) of the Criminal Code of the Republic of Kazakhstan (“dissemination of deliberately false information in a state of emergency”)",
    },
    nationality: {
      ru: "казах",
      kk: "қазақ",
      en: "Kazakh",
    },
    citizenship: {
      ru: "Республика Казахстан",
      kk: "Қазақстан Республикасы",
      en: "Republic of Kazakhstan",
    },
    education: {
      ru: "Незаконченное высшее",
      kk: "Аяқталмаған жоғары білім",
      en: "Incomplete higher education",
    },
    health: {
      ru: "Инвалидность I группы. Хроническая болезнь почек: хронический гломерулонефрит, терминальная (5-я) стадия; хронический гемодиализ с использованием аппарата «искусственная почка». Артериальная гипертензия.",
      kk: "I топтағы мүгедектік. Бүйректің созылмалы ауруы: созылмалы гломерулонефрит, соңғы (5-ші) сатысы; «жасанды бүйрек» аппаратымен созылмалы гемодиализ. Артериялық гипертензия.",
      en: "Category I disability. Chronic kidney disease: end-stage (stage 5) chronic glomerulonephritis, treated with chronic haemodialysis using an artificial kidney. Hypertension.",
    },
    summary: {
      ru: "Марат Турымбетов (родился 3 марта 1969 года) — гражданский активист, правозащитник и блогер из Алматы, принципиальный сторонник мирных методов правозащитной деятельности. Он организует кампании в защиту прав человека и за строгое соблюдение государственными органами законодательства и Конституции Республики Казахстан и является одним из организаторов партии «Наше право». В июле 2020 года его допросили в качестве свидетеля, имеющего право на защиту, по уголовному делу по части 4 статьи 274 Уголовного кодекса, возбуждённому из-за критических публикаций, которыми он поделился в Facebook. У него инвалидность I группы, и он находится на хроническом гемодиализе.",
      kk: "Марат Турымбетов (1969 жылы 3 наурызда туған) — алматылық азаматтық белсенді, құқық қорғаушы және блогер, құқық қорғау саласындағы бейбіт әдістердің принципті жақтаушысы. Ол адам құқықтарын қорғау және мемлекеттік органдардың Қазақстан Республикасының заңнамасы мен Конституциясын қатаң сақтауы үшін науқандар ұйымдастырады, «Біздің құқық» партиясын ұйымдастырушылардың бірі. 2020 жылғы шілдеде одан Facebook-те бөліскен сыни жазбаларына байланысты Қылмыстық кодекстің 274-бабының 4-бөлігі бойынша қозғалған қылмыстық іс аясында қорғалу құқығы бар куә ретінде жауап алынды. Ол I топтағы мүгедектігі бар адам, созылмалы гемодиализде жүр.",
      en: "Marat Turymbetov, born on 3 March 1969, is a civic activist, human rights defender and blogger from Almaty and a principled supporter of peaceful means of human rights work. He organises campaigns for human rights and for strict compliance by the state authorities with the legislation and Constitution of the Republic of Kazakhstan, and is one of the organisers of the OUR RIGHT party. In July 2020 he was questioned as a witness with the right to defence in a criminal case under Article 274(4) of the Criminal Code over critical Facebook posts he had shared. He has a category I disability and depends on chronic haemodialysis.",
    },
    biography: {
      ru: "Марат Турымбетов — принципиальный сторонник мирных методов правозащитной деятельности, организатор кампаний в защиту прав человека и за строгое соблюдение государственными органами законодательства и Конституции Республики Казахстан. Он последовательно выступает за демократизацию общества, уважение прав граждан и свободу слова. Турымбетов — один из организаторов мирных акций и митингов в поддержку политических заключённых и лиц, подвергшихся политическому преследованию в Казахстане, активный участник различных международных и региональных правозащитных конференций и круглых столов.\n\nОн был одним из инициаторов создания Казахстанской коалиции гражданских инициатив. В Facebook он продвигает идеи демократии и прав человека и снимает видеоролики о необходимости политических перемен.\n\nТурымбетов — один из организаторов политической партии «Наше право». По данным Бюро, власти Алматы сделали всё, чтобы не допустить её создания, в том числе сорвали учредительный съезд партии с помощью департамента полиции города Алматы. В тот период аким Алматы Б. Байбек одновременно возглавлял Алматинский городской филиал партии «Нур Отан». Расценив это как откровенное проявление неэтичной политической конкуренции, направленной на подавление мотивированных и хорошо организованных политических оппонентов «Нур Отана», Турымбетов и несколько других активистов в мае 2019 года подали иск, в котором утверждали, что «Нур Отан» чинил препятствия созданию их партии. По данным Бюро, в результате Турымбетов неоднократно подвергался преследованиям со стороны правоохранительных органов.\n\nЕщё до вынесения решения по этому иску «Нур Отан» в конце сентября 2019 года сам подал иск против гражданских активистов, утверждая, что они распространили в СМИ ложные сведения о том, что «Нур Отан» препятствовал созданию партии «Наше право» С. Закировой, А. Ильяшевым и М. Турымбетовым. Суд обязал ответчиков опубликовать опровержение на своих личных страницах в Facebook: согласно решению, Ильяшев, Закирова и Турымбетов в течение десяти календарных дней после вступления решения в законную силу должны были разместить там текст о том, что распространённая ими информация о якобы чинимых «Нур Отаном» препятствиях созданию политической партии «Наше право» не соответствует действительности.\n\nАктивистов также обязали солидарно выплатить каждому из четырёх истцов, выступавших от имени «Нур Отана», по полтора миллиона тенге в качестве компенсации морального вреда, а кроме того — каждого по пять тысяч тенге судебных расходов. Алматинский городской суд отклонил апелляционную жалобу активистов на решение суда первой инстанции, по которому они должны выплатить четырём членам партии «Нур Отан» в общей сложности шесть миллионов тенге (около 16 000 долларов США).\n\nВ 2017 году Турымбетова обвинили в краже собственного автомобиля и признали виновным по части 3 статьи 24 и пункту 2 части 4 статьи 190 Уголовного кодекса (мошенничество), назначив условное наказание сроком два года и шесть месяцев. Вынося приговор, суд учёл инвалидность Турымбетова и заменил реальное лишение свободы ограничением свободы. В марте 2019 года, рассмотрев вопрос о нарушении им условий пробации, Турксибский районный суд города Алматы заменил прежнее наказание лишением свободы сроком на один год и четыре месяца. На момент публикации профиля Бюро (июль 2020 года) в отношении Турымбетова вступило в законную силу судебное решение об освобождении его из мест лишения свободы в связи с тяжёлой болезнью; он находится под пробационным контролем Министерства внутренних дел сроком на три года.\n\n20 апреля 2020 года по заявлению АО «Жилстройсбербанк Казахстана» было возбуждено уголовное дело по части 4 статьи 274 Уголовного кодекса («распространение заведомо ложной информации в условиях чрезвычайного положения»). 20 июля 2020 года Турымбетова доставили в полицию и допросили в качестве свидетеля, имеющего право на защиту. Поводом для допроса стали критические публикации Турымбетова в Facebook о сомнительной практике закупок товаров, работ и услуг в АО «Жилстройсбербанк Казахстана». Бюро называет основания для уголовного дела весьма сомнительными: неизвестно, кто является автором многочисленных постов и публикаций, а Турымбетов лишь делал репосты и размещал ссылки на источники информации.\n\nПо словам Турымбетова, в ходе расследования департамент полиции города Алматы допустил многочисленные процессуальные нарушения. Уже 5 мая 2020 года, то есть в короткий срок после возбуждения дела, в распоряжении полиции было заключение психолога и филолога о том, что размещённая информация содержит признаки, которые могут дать повод для дискредитации заявителя (банка) и нанести ущерб его деловой репутации. В нарушение всех процессуальных норм Турымбетова ознакомили с результатами экспертизы только 20 июля 2020 года. Во время допроса его, человека с инвалидностью I группы, шесть часов продержали без доступа к лекарствам, которые он должен принимать строго в определённое время для поддержания жизни. В ходе обыска в его квартире были незаконно изъяты различная электроника и смартфоны всех членов семьи, в том числе детей Турымбетова.",
      kk: "Марат Турымбетов — құқық қорғау саласындағы бейбіт әдістердің принципті жақтаушысы, адам құқықтарын қорғау және мемлекеттік органдардың Қазақстан Республикасының заңнамасы мен Конституциясын қатаң сақтауы үшін науқандарды ұйымдастырушы. Ол қоғамды демократияландыруды, азаматтардың құқықтарын құрметтеуді және сөз бостандығын табанды түрде жақтайды. Турымбетов — Қазақстандағы саяси тұтқындар мен саяси қудалауға ұшыраған адамдарды қолдауға арналған бейбіт акциялар мен митингілерді ұйымдастырушылардың бірі, түрлі халықаралық және өңірлік құқық қорғау конференциялары мен дөңгелек үстелдердің белсенді қатысушысы.\n\nОл Қазақстандық азаматтық бастамалар коалициясын құруға бастамашы болғандардың бірі. Facebook желісінде демократия мен адам құқықтары идеяларын насихаттайды, саяси өзгерістердің қажеттігі туралы бейнероликтер түсіреді.\n\nТурымбетов — «Біздің құқық» саяси партиясын ұйымдастырушылардың бірі. Бюроның мәліметінше, Алматы билігі партияның құрылуына жол бермеу үшін бәрін жасады, соның ішінде Алматы қаласының Полиция департаментінің көмегімен партияның құрылтай съезін бұзды. Сол кезеңде Алматы қаласының әкімі Б. Байбек бір мезгілде «Нұр Отан» партиясының Алматы қалалық филиалын басқарды. Мұны «Нұр Отанның» ынталы әрі жақсы ұйымдасқан саяси қарсыластарын жаншуға бағытталған этикаға жат саяси бәсекенің ашық көрінісі деп бағалаған Турымбетов және тағы бірнеше белсенді 2019 жылғы мамырда сотқа талап арыз беріп, «Нұр Отан» олардың партиясының құрылуына кедергі келтірді деп мәлімдеді. Бюроның мәліметінше, соның салдарынан Турымбетов құқық қорғау органдары тарапынан бірнеше рет қудалауға ұшырады.\n\nБұл талап арыз бойынша сот шешімі шығарылғанға дейін, 2019 жылғы қыркүйектің соңына қарай, «Нұр Отан» партиясының өзі азаматтық белсенділерге қарсы талап арыз беріп, олар БАҚ-та «Нұр Отан» С. Закированың, А. Ильяшевтің және М. Турымбетовтың «Біздің құқық» партиясын құруына кедергі келтірді деген жалған ақпарат таратты деп мәлімдеді. Сот жауапкерлерді өз мәліметтерін теріске шығаратын жазбаларды жеке Facebook парақшаларында жариялауға міндеттеді: шешімге сәйкес Ильяшев, Закирова және Турымбетов сот шешімі заңды күшіне енген күннен бастап он күнтізбелік күн ішінде өз парақшаларында «Нұр Отан» партиясы «Біздің құқық» саяси партиясының құрылуына кедергі келтірді деген өздері таратқан ақпараттың шындыққа сәйкес келмейтіні туралы мәтін жариялауға тиіс болды.\n\nСондай-ақ белсенділер «Нұр Отан» атынан шыққан төрт талапкердің әрқайсысына моральдық зиянның өтемақысы ретінде бір жарым миллион теңгеден ынтымақты түрде төлеуге, әрқайсысы сот шығыстары ретінде бес мың теңгеден төлеуге міндеттелді. Алматы қалалық соты белсенділердің бірінші сатыдағы сот шешіміне берген апелляциялық шағымын қанағаттандырусыз қалдырды; осы шешім бойынша олар «Нұр Отан» партиясының төрт мүшесіне барлығы алты миллион теңге (шамамен 16 000 АҚШ доллары) төлеуге міндеттелді.\n\n2017 жылы Турымбетов өз көлігін ұрлады деп айыпталып, Қылмыстық кодекстің 24-бабының 3-бөлігі және 190-бабы 4-бөлігінің 2-тармағы (алаяқтық) бойынша кінәлі деп танылды, оған екі жыл алты ай мерзімге шартты жаза тағайындалды. Үкім шығару кезінде сот Турымбетовтың мүгедектігін ескеріп, нақты бас бостандығынан айыруды бас бостандығын шектеумен алмастырды. 2019 жылғы наурызда Алматы қаласы Түрксіб аудандық соты Турымбетовтың пробация шарттарын бұзуын қарап, бұрынғы жазаны бір жыл төрт ай мерзімге бас бостандығынан айырумен алмастырды. Бюро профилі жарияланған кезде (2020 жылғы шілде) Турымбетовты ауыр науқасына байланысты түрмеден босату туралы сот шешімі заңды күшіне енген еді; ол үш жыл мерзімге Ішкі істер министрлігінің пробациялық бақылауында.\n\n2020 жылғы 20 сәуірде «Қазақстанның тұрғын үй құрылыс жинақ банкі» акционерлік қоғамының арызы бойынша Қылмыстық кодекстің 274-бабының 4-бөлігі («төтенше жағдай кезінде көрінеу жалған ақпарат тарату») бойынша қылмыстық іс қозғалды. 2020 жылғы 20 шілдеде Турымбетов полицияға жеткізіліп, одан қорғалу құқығы бар куә ретінде жауап алынды. Жауап алуға Турымбетовтың банктің тауарларды, жұмыстар мен көрсетілетін қызметтерді сатып алудағы күмәнді тәжірибесі туралы Facebook-те жариялаған сыни жазбалары себеп болды. Бюро қылмыстық іс қозғаудың негізін өте күмәнді деп санайды: көптеген жазбалар мен жарияланымдардың авторы кім екені белгісіз, ал Турымбетов тек репост жасап, ақпарат көздеріне сілтемелер жариялаған.\n\nТурымбетовтың айтуынша, осы қылмыстық істі тергеу барысында Алматы қаласының Полиция департаменті көптеген іс жүргізу бұзушылықтарына жол берген. Іс қозғалғаннан кейін қысқа уақыт ішінде, 2020 жылғы 5 мамырда, полицияның қолында психолог пен филологтың қорытындысы болған: онда жарияланған ақпаратта арыз берушінің (банктің) абыройын түсіруге себеп болуы және оның іскерлік беделіне нұқсан келтіруі мүмкін белгілер бар деп көрсетілген. Барлық іс жүргізу нормаларын бұза отырып, Турымбетовты сараптама нәтижелерімен тек 2020 жылғы 20 шілдеде таныстырған. Жауап алу кезінде I топтағы мүгедектігі бар Турымбетов өмірін сақтау үшін қатаң белгіленген уақытта қабылдауға тиіс дәрілерсіз алты сағат бойы ұсталды. Оның пәтерінде тінту жүргізілген кезде отбасының барлық мүшелерінің, соның ішінде Турымбетовтың балаларының түрлі электрондық құрылғылары мен смартфондары заңсыз алып қойылды.",
      en: "Marat Turymbetov is a principled supporter of peaceful means of work in the field of human rights and an organiser of campaigns for human rights and for strict compliance by the state authorities with the legislation and Constitution of the Republic of Kazakhstan. He is an unwavering supporter of the democratisation of society and of respect for citizens’ rights and freedom of speech. He is one of the organisers of peaceful actions and rallies in support of political prisoners and people subjected to political persecution in Kazakhstan, and an active participant in various international and regional human rights conferences and round tables.\n\nHe was one of the initiators of the establishment of the Kazakhstan Coalition for Civil Initiatives. On Facebook he promotes the ideas of democracy and human rights, and he makes videos about the need for political change.\n\nMr Turymbetov is one of the organisers of a political party called OUR RIGHT. According to the Bureau, the Almaty authorities did everything to stop the party from being created, including sabotaging its founding congress with the help of the Almaty city police department. At the time, the mayor of Almaty, B. Baibek, was also the head of the Almaty city branch of Nur Otan, the pro-presidential party. Viewing this as a blatant display of unethical political competition aimed at crushing motivated and well-organised political opponents of Nur Otan, Mr Turymbetov and several other activists filed a lawsuit in May 2019, complaining that Nur Otan had set up barriers preventing their party from being established. According to the Bureau, as a result Mr Turymbetov has been persecuted by law enforcement on multiple occasions.\n\nBefore a judgement could be issued in that lawsuit, Nur Otan itself, toward the end of September 2019, filed a lawsuit against the civic activists, claiming that they had disseminated false information in the mass media that Nur Otan had set barriers against the establishment of the OUR RIGHT party by S. Zakirova, A. Ilyashev and M. Turymbetov. The court ordered the defendants to publish a rebuttal on their personal Facebook pages: within ten calendar days of the judgement coming into legal force, Mr Ilyashev, Ms Zakirova and Mr Turymbetov had to post the text “The information that I disseminated, of Nur Otan allegedly preventing the OUR RIGHT political party from being established, is not true.”\n\nThe activists were also ordered, as a matter of joint liability, to pay each of the four claimants acting on behalf of Nur Otan one and a half million tenge in moral damages, and each activist was ordered to pay five thousand tenge in court fees. The Almaty city court dismissed the activists’ appeal against the first-instance judgement, under which they were obliged to pay a total of six million tenge (approximately 16,000 US dollars) to four Nur Otan party members.\n\nIn 2017 Mr Turymbetov was accused of stealing his own car and was found guilty under Article 24(3) and Article 190(4)(2) of the Criminal Code (fraud), receiving a suspended sentence of two years and six months. In its verdict the court took his disability into account and replaced actual imprisonment with a restriction of freedom. In March 2019, after reviewing his violation of probation, the Turksib district court of Almaty replaced the previous sentence with one year and four months of imprisonment. At the time of the Bureau’s profile (July 2020), a court order releasing him from prison on account of his grave illness had come into legal force, and he was under probation supervision by the Ministry of Internal Affairs for a term of three years.\n\nOn 20 April 2020 a criminal case under Article 274(4) of the Criminal Code (“dissemination of deliberately false information in a state of emergency”) was opened on the complaint of Zhylstroysberbank of Kazakhstan JSC. On 20 July 2020 Mr Turymbetov was brought to the police and questioned as a witness with the right to defence. The reason for the questioning was critical posts he had published on Facebook about dubious practices the bank had adopted in its procurement of goods, works and services. The Bureau calls the grounds for the criminal case very dubious: it is unknown who authored the many posts and publications, while Mr Turymbetov simply published reposts and links to sources of information.\n\nAccording to Mr Turymbetov, the Almaty city police department committed numerous procedural violations during the investigation. By 5 May 2020, a short time after the case was opened, the police already had an opinion from a psychologist and a philologist stating that the posted information contained elements that might give occasion to discrediting the complainant (the bank) and damage its business reputation. In violation of all procedural standards, Mr Turymbetov was shown the results of the expert examination only on 20 July 2020. During the questioning he, a person with a category I disability, was kept for six hours without access to the medication he must take at strictly defined intervals as a life-supporting measure. During a search of his apartment, various electronics and the smartphones of all family members, including Mr Turymbetov’s children, were illegally seized.",
    },
  },

  timeline: [
    {
      date: "2017-01-01",
      precision: "year",
      title: {
        ru: "Осуждён за мошенничество",
        kk: "Алаяқтық үшін сотталды",
        en: "Convicted of fraud",
      },
      body: {
        ru: "Турымбетова обвинили в краже собственного автомобиля и признали виновным в мошенничестве, назначив условное наказание сроком два года и шесть месяцев. С учётом его инвалидности суд заменил реальное лишение свободы ограничением свободы.",
        kk: "Турымбетов өз көлігін ұрлады деп айыпталып, алаяқтық үшін кінәлі деп танылды, оған екі жыл алты ай мерзімге шартты жаза тағайындалды. Оның мүгедектігін ескеріп, сот нақты бас бостандығынан айыруды бас бостандығын шектеумен алмастырды.",
        en: "Accused of stealing his own car, Mr Turymbetov was found guilty of fraud and given a suspended sentence of two years and six months. Taking his disability into account, the court replaced actual imprisonment with a restriction of freedom.",
      },
    },
    {
      date: "2019-03-01",
      precision: "month",
      title: {
        ru: "Наказание заменено лишением свободы",
        kk: "Жаза бас бостандығынан айырумен алмастырылды",
        en: "Sentence replaced with imprisonment",
      },
      body: {
        ru: "Рассмотрев вопрос о нарушении им условий пробации, Турксибский районный суд города Алматы заменил прежнее наказание лишением свободы сроком на один год и четыре месяца.",
        kk: "Турымбетовтың пробация шарттарын бұзуын қарап, Алматы қаласы Түрксіб аудандық соты бұрынғы жазаны бір жыл төрт ай мерзімге бас бостандығынан айырумен алмастырды.",
        en: "After reviewing his violation of probation, the Turksib district court of Almaty replaced the previous sentence with one year and four months of imprisonment.",
      },
    },
    {
      date: "2019-05-01",
      precision: "month",
      title: {
        ru: "Иск против «Нур Отана»",
        kk: "«Нұр Отанға» қарсы талап арыз",
        en: "Lawsuit against Nur Otan",
      },
      body: {
        ru: "Турымбетов и несколько других активистов подали иск, утверждая, что «Нур Отан» чинил препятствия созданию их партии «Наше право».",
        kk: "Турымбетов және тағы бірнеше белсенді «Нұр Отан» олардың «Біздің құқық» партиясының құрылуына кедергі келтірді деп сотқа талап арыз берді.",
        en: "Mr Turymbetov and several other activists filed a lawsuit complaining that Nur Otan had set up barriers preventing their party, OUR RIGHT, from being established.",
      },
    },
    {
      date: "2019-09-01",
      precision: "month",
      title: {
        ru: "Иск «Нур Отана» против активистов",
        kk: "«Нұр Отанның» белсенділерге қарсы талап арызы",
        en: "Nur Otan sues the activists",
      },
      body: {
        ru: "В конце сентября, ещё до решения по иску активистов, «Нур Отан» подал против них иск о распространении ложной информации. Суд обязал активистов опубликовать опровержение и выплатить в общей сложности шесть миллионов тенге; Алматинский городской суд отклонил их апелляцию.",
        kk: "Қыркүйектің соңына қарай, белсенділердің талап арызы бойынша шешім шыққанға дейін, «Нұр Отан» оларға қарсы жалған ақпарат таратты деп талап арыз берді. Сот белсенділерді теріске шығаратын мәтін жариялауға және барлығы алты миллион теңге төлеуге міндеттеді; Алматы қалалық соты олардың апелляциялық шағымын қанағаттандырусыз қалдырды.",
        en: "Toward the end of September, before a judgement was issued in the activists’ lawsuit, Nur Otan sued them for disseminating false information. The court ordered them to publish a rebuttal and to pay a total of six million tenge; the Almaty city court dismissed their appeal.",
      },
    },
    {
      date: "2020-04-20",
      precision: "day",
      title: {
        ru: "Возбуждено уголовное дело",
        kk: "Қылмыстық іс қозғалды",
        en: "Criminal case opened",
      },
      body: {
        ru: "По заявлению АО «Жилстройсбербанк Казахстана» возбуждено уголовное дело по части 4 статьи 274 Уголовного кодекса в связи с критическими публикациями о закупках банка.",
        kk: "«Қазақстанның тұрғын үй құрылыс жинақ банкі» акционерлік қоғамының арызы бойынша банктің сатып алулары туралы сыни жазбаларға байланысты Қылмыстық кодекстің 274-бабының 4-бөлігі бойынша қылмыстық іс қозғалды.",
        en: "A criminal case under Article 274(4) of the Criminal Code was opened on the complaint of Zhylstroysberbank of Kazakhstan JSC over critical posts about the bank’s procurement.",
      },
    },
    {
      date: "2020-05-05",
      precision: "day",
      title: {
        ru: "Заключение экспертов у полиции",
        kk: "Сарапшылар қорытындысы полицияның қолында",
        en: "Expert opinion in police hands",
      },
      body: {
        ru: "Департамент полиции города Алматы уже располагал заключением психолога и филолога о том, что размещённая информация содержит признаки, которые могут дать повод для дискредитации банка и нанести ущерб его деловой репутации.",
        kk: "Алматы қаласының Полиция департаментінің қолында жарияланған ақпаратта банктің абыройын түсіруге себеп болуы және оның іскерлік беделіне нұқсан келтіруі мүмкін белгілер бар деген психолог пен филологтың қорытындысы болды.",
        en: "The Almaty city police department already had an opinion from a psychologist and a philologist that the posted information contained elements that might give occasion to discrediting the bank and damage its business reputation.",
      },
    },
    {
      date: "2020-07-20",
      precision: "day",
      title: {
        ru: "Допрос без жизненно необходимых лекарств",
        kk: "Өмірлік маңызды дәрісіз жауап алу",
        en: "Questioned without life-supporting medication",
      },
      body: {
        ru: "Турымбетова доставили в полицию и допросили в качестве свидетеля, имеющего право на защиту; только тогда его ознакомили с результатами экспертизы. Во время допроса его шесть часов продержали без доступа к жизненно необходимым лекарствам.",
        kk: "Турымбетов полицияға жеткізіліп, одан қорғалу құқығы бар куә ретінде жауап алынды; сараптама нәтижелерімен оны тек сонда ғана таныстырды. Жауап алу кезінде ол өмірлік маңызды дәрілерсіз алты сағат бойы ұсталды.",
        en: "Mr Turymbetov was brought to the police and questioned as a witness with the right to defence; only then was he shown the results of the expert examination. During the questioning he was kept for six hours without access to his life-supporting medication.",
      },
    },
    {
      date: "2020-07-27",
      precision: "day",
      title: {
        ru: "Опубликован профиль Бюро",
        kk: "Бюро профилі жарияланды",
        en: "Bureau publishes profile",
      },
      body: {
        ru: "Казахстанское международное бюро по правам человека и соблюдению законности опубликовало профиль Марата Турымбетова.",
        kk: "Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық бюросы Марат Турымбетов туралы профиль жариялады.",
        en: "The Kazakhstan International Bureau for Human Rights and the Rule of Law published its profile of Marat Turymbetov.",
      },
    },
  ],

  sources: [
    {
      title: {
        ru: "Профиль: Марат Турымбетов",
        kk: "Профиль: Марат Турымбетов",
        en: "Profile: Marat Turymbetov",
      },
      publisher: {
        ru: "Казахстанское международное бюро по правам человека и соблюдению законности",
        kk: "Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық бюросы",
        en: "Kazakhstan International Bureau for Human Rights and the Rule of Law",
      },
      publishedOn: "2020-07-27",
      url: "https://bureau.kz/en/",
    },
  ],

  petition: {
    slug: "drop-the-charges",
    target: {
      ru: "Генеральный прокурор Республики Казахстан",
      kk: "Қазақстан Республикасының Бас прокуроры",
      en: "Prosecutor General of the Republic of Kazakhstan",
    },
    goal: 10000,
    deadline: "2027-06-30T18:59:59Z",
    title: {
      ru: "Прекратите уголовное дело против Марата Турымбетова по части 4 статьи 274",
      kk: "Марат Турымбетовқа қатысты 274-баптың 4-бөлігі бойынша қылмыстық істі тоқтатыңыз",
      en: "Drop the Article 274(4) case against Marat Turymbetov",
    },
    summary: {
      ru: "Мы призываем Генерального прокурора прекратить уголовное дело по части 4 статьи 274 Уголовного кодекса, по которому гражданского активиста Марата Турымбетова, находящегося на гемодиализе, допросили из-за репостов в Facebook, и вернуть изъятые у его семьи устройства.",
      kk: "Біз Бас прокурорды гемодиализде жүрген азаматтық белсенді Марат Турымбетовтан Facebook-тегі репостары үшін жауап алынған Қылмыстық кодекстің 274-бабының 4-бөлігі бойынша қылмыстық істі тоқтатуға және оның отбасынан алып қойылған құрылғыларды қайтаруға шақырамыз.",
      en: "We call on the Prosecutor General to close the criminal case under Article 274(4) of the Criminal Code in which civil society activist Marat Turymbetov, who depends on haemodialysis, was questioned over Facebook reposts, and to return the devices seized from his family.",
    },
    body: {
      ru: "Мы призываем Генерального прокурора Республики Казахстан прекратить уголовное дело по части 4 статьи 274 Уголовного кодекса («распространение заведомо ложной информации в условиях чрезвычайного положения»), по которому Марата Турымбетова допросили в качестве свидетеля, имеющего право на защиту, положить конец его преследованию за репосты в Facebook и вернуть электронику и смартфоны, изъятые у его семьи, в том числе у его детей.\n\nДело было возбуждено 20 апреля 2020 года по заявлению АО «Жилстройсбербанк Казахстана» из-за критических публикаций в Facebook о практике закупок банка. По данным Казахстанского международного бюро по правам человека и соблюдению законности, неизвестно, кто является автором этих публикаций, а Турымбетов лишь делал репосты и размещал ссылки на источники информации. Бюро называет основания для уголовного дела весьма сомнительными.\n\nПо словам Турымбетова, департамент полиции города Алматы допустил многочисленные процессуальные нарушения. Заключение психолога и филолога было у полиции уже 5 мая 2020 года, а ознакомили с ним Турымбетова только 20 июля 2020 года. При обыске в его квартире были изъяты электроника и смартфоны всех членов семьи; Бюро называет это изъятие незаконным.\n\nУ Марата Турымбетова инвалидность I группы и терминальная стадия хронической болезни почек; он находится на хроническом гемодиализе с использованием аппарата «искусственная почка». Во время допроса 20 июля 2020 года его шесть часов продержали без доступа к лекарствам, которые он должен принимать строго в определённое время для поддержания жизни.\n\nМарат Турымбетов — мирный правозащитник, который добивается строгого соблюдения государственными органами законодательства и Конституции Республики Казахстан. Мы просим применить к его делу те же требования законности: прекратить дело и вернуть изъятое.",
      kk: "Біз Қазақстан Республикасының Бас прокурорын Марат Турымбетовтан қорғалу құқығы бар куә ретінде жауап алынған Қылмыстық кодекстің 274-бабының 4-бөлігі («төтенше жағдай кезінде көрінеу жалған ақпарат тарату») бойынша қылмыстық істі тоқтатуға, оны Facebook-тегі репостары үшін қудалауды доғаруға және оның отбасынан, соның ішінде балаларынан алып қойылған электрондық құрылғылар мен смартфондарды қайтаруға шақырамыз.\n\nІс 2020 жылғы 20 сәуірде «Қазақстанның тұрғын үй құрылыс жинақ банкі» акционерлік қоғамының арызы бойынша банктің сатып алу тәжірибесі туралы Facebook-тегі сыни жазбаларға байланысты қозғалды. Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық бюросының мәліметінше, бұл жазбалардың авторы кім екені белгісіз, ал Турымбетов тек репост жасап, ақпарат көздеріне сілтемелер жариялаған. Бюро қылмыстық іс қозғаудың негізін өте күмәнді деп санайды.\n\nТурымбетовтың айтуынша, Алматы қаласының Полиция департаменті көптеген іс жүргізу бұзушылықтарына жол берген. Психолог пен филологтың қорытындысы полицияның қолында 2020 жылғы 5 мамырда-ақ болған, ал Турымбетовты онымен тек 2020 жылғы 20 шілдеде таныстырған. Оның пәтерінде тінту кезінде отбасының барлық мүшелерінің электрондық құрылғылары мен смартфондары алып қойылды; Бюро мұны заңсыз деп атайды.\n\nМарат Турымбетов — I топтағы мүгедектігі бар адам, ол бүйректің созылмалы ауруының соңғы сатысымен ауырады және «жасанды бүйрек» аппаратымен созылмалы гемодиализде жүр. 2020 жылғы 20 шілдедегі жауап алу кезінде ол өмірін сақтау үшін қатаң белгіленген уақытта қабылдауға тиіс дәрілерсіз алты сағат бойы ұсталды.\n\nМарат Турымбетов — мемлекеттік органдардың Қазақстан Республикасының заңнамасы мен Конституциясын қатаң сақтауын талап етіп жүрген бейбіт құқық қорғаушы. Біз оның ісіне де заңдылықтың дәл сондай талаптарын қолдануды сұраймыз: істі тоқтатыңыз және алып қойылған құрылғыларды қайтарыңыз.",
      en: "We call on the Prosecutor General of the Republic of Kazakhstan to close the criminal case under Article 274(4) of the Criminal Code (“dissemination of deliberately false information in a state of emergency”) in which Marat Turymbetov was questioned as a witness with the right to defence, to end his persecution for sharing reposts on Facebook, and to return the electronics and smartphones seized from his family, including his children.\n\nThe case was opened on 20 April 2020 on the complaint of Zhylstroysberbank of Kazakhstan JSC over critical Facebook posts about the bank’s procurement practices. According to the Kazakhstan International Bureau for Human Rights and the Rule of Law, it is unknown who authored these posts; Mr Turymbetov simply published reposts and links to sources of information. The Bureau calls the grounds for the case very dubious.\n\nAccording to Mr Turymbetov, the Almaty city police department committed numerous procedural violations. An opinion by a psychologist and a philologist was already in police hands on 5 May 2020, yet he was shown the results of the examination only on 20 July 2020. During a search of his apartment, the electronics and smartphones of all his family members were seized; the Bureau describes the seizure as illegal.\n\nMarat Turymbetov has a category I disability and end-stage chronic kidney disease, and he depends on chronic haemodialysis using an artificial kidney. During his questioning on 20 July 2020 he was kept for six hours without access to the medication he must take at strictly defined intervals as a life-supporting measure.\n\nMarat Turymbetov is a peaceful human rights defender who campaigns for strict compliance by the state authorities with the legislation and Constitution of the Republic of Kazakhstan. We ask that the same standard of lawfulness be applied to his case: close it and return what was seized.",
    },
  },
};
