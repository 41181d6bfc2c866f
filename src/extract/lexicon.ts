/**
 * The vocabulary of the genre, in simplified characters (the rules read the folded view):
 * surnames, the titles officials hold, the words that end organisation names, and the words
 * around names. These lists are general knowledge of Chinese institutional news, not a list
 * of the names in any article.
 */

/** Single-character surnames, the few hundred that cover nearly everyone. */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);

/** Two-character surnames. */
export const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 司空 夏侯 令狐 轩辕 端木 独孤 南宫 西门 百里 呼延 万俟 澹台 公冶 宗政 濮阳 太史 申屠 钟离 闻人 赫连 拓跋 第五 左丘'.split(
    ' ',
  ),
);

/**
 * Title heads: what an official is. Modifiers (副, 常务, 党委, 区委 ...) are added by TITLE.
 * Longer heads first, so that 副总经理 is read whole rather than as 副 + 总 + 经理.
 */
const HEADS = [
  '首席执行官',
  '首席科学家',
  '首席技术官',
  '首席运营官',
  '首席财务官',
  '监事会主席',
  '董事会秘书',
  '总工程师',
  '总会计师',
  '总经济师',
  '总规划师',
  '总建筑师',
  '总编辑',
  '总经理',
  '总裁',
  '总监',
  '董事长',
  '理事长',
  '秘书长',
  '执行长',
  '研发长',
  '教务长',
  '总务长',
  '学务长',
  '产学长',
  '国际长',
  '书记',
  '常委',
  '委员',
  '主任',
  '主席',
  '会长',
  '校长',
  '院长',
  '所长',
  '局长',
  '处长',
  '部长',
  '厅长',
  '司长',
  '次长',
  '署长',
  '区长',
  '市长',
  '省长',
  '县长',
  '镇长',
  '乡长',
  '州长',
  '行长',
  '社长',
  '馆长',
  '站长',
  '台长',
  '组长',
  '队长',
  '师长',
  '团长',
  '政委',
  '主编',
  '经理',
  '董事',
  '监事',
  '大使',
  '总领事',
  '领事',
  '参赞',
  '专员',
  '负责人',
  '党组书记',
  '党委书记',
];

/** Bodies whose committee or office a title names: 党委书记, 区委副书记, 党工委书记. */
export const TITLE_BODIES = [
  '党委',
  '党组',
  '党工委',
  '纪委',
  '纪工委',
  '区委',
  '市委',
  '省委',
  '县委',
  '州委',
  '镇党委',
  '校党委',
  '院党委',
];

const alternation = (words: readonly string[]) =>
  [...words].sort((a, b) => b.length - a.length).join('|');

/** One title: 党委常委, 常务副区长, 副总经理, 党工委书记, 董事会秘书; 原党委书记 (former) as written. */
export const TITLE = new RegExp(
  `原?(?:${alternation(TITLE_BODIES)})?(?:常务|执行|专职|第一|名誉|代理|代|首席|驻会)?副?(?:${alternation(HEADS)})`,
  'y',
);

/** Words that join titles of one person: 党委副书记、校长; 董事长兼总经理. */
export const TITLE_JOINERS = ['、', '兼', '及'];

/** Honorifics written after a name: 梁嘉欣教授, 黄志强博士. */
export const HONORIFICS = ['教授', '博士', '院士', '先生', '女士', '同志', '老师'];

/**
 * What may follow a name in this genre: the verbs of attending, hosting, signing, speaking,
 * the words joining names, and honorifics. A name is cut where one of these begins.
 */
export const NAME_FOLLOWERS = [
  ...HONORIFICS,
  '出席',
  '参加',
  '到场',
  '等',
  '日前',
  '作了',
  '作发言',
  '作报告',
  '作交流',
  '近日',
  '作为',
  '一行',
  '率',
  '带队',
  '代表',
  '主持',
  '会见',
  '接见',
  '见证',
  '陪同',
  '与',
  '和',
  '同',
  '及',
  '分别',
  '共同',
  '在',
  '为',
  '对',
  '向',
  '就',
  '也',
  '还',
  '则',
  '表示',
  '指出',
  '强调',
  '介绍',
  '致辞',
  '讲话',
  '发言',
  '说',
  '希望',
  '回顾',
  '宣读',
  '签署',
  '签订',
  '签约',
  '进行',
  '参观',
  '考察',
  '调研',
  '走访',
  '应邀',
  '的',
  '是',
  '听取',
  '先后',
  '一同',
  '亲切',
  '热情',
  '兼',
  '担任',
  '现任',
  '校长',
  '院长',
  '董事长',
  '总经理',
  '局长',
];

/**
 * Words that end an organisation's name, longest first. 局, 厅 and 委 are read only after a
 * name of two or more characters and never before 长 (局长 is a title).
 */
export const ORG_SUFFIXES = [
  '集团股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '集团公司',
  '管理委员会',
  '工作委员会',
  '委员会',
  '常委会',
  '政协',
  '卫健委',
  '卫生计生委',
  '计生委',
  '发改委',
  '经信委',
  '商务委',
  '教委',
  '管委会',
  '人民政府',
  '政府',
  '大学',
  '学院',
  '学校',
  '研究院',
  '研究所',
  '研究中心',
  '中心',
  '实验室',
  '集团',
  '公司',
  '协会',
  '学会',
  '联合会',
  '商会',
  '基金会',
  '医院',
  '银行',
  '科技园',
  '大使馆',
  '秘书处',
  '联络办公室',
  '领事馆',
  '博物院',
  '博物馆',
  '美术馆',
  '图书馆',
  '纪念馆',
  '科技馆',
  '局',
  '厅',
];

/**
 * Ministries, named by a word with no name before it (教育部, 外交部; 教育部 in traditional
 * characters reads the same once simplified). The list is of the ministries' common names.
 */
export const MINISTRIES =
  /(?:中华人民共和国|国家)?(?:教育|外交|科技|科学技术|商务|财政|国防|文化|文化和旅游|民政|司法|公安|农业|农业农村|自然资源|生态环境|交通运输|水利|卫生|卫生福利|工业和信息化|住房和城乡建设|人力资源和社会保障|应急管理|退役军人事务|经济|内政|劳动|数位发展|国土资源|环境|侨务|国家发展和改革)(?:部|委员会)(?!长|门|分|署|队)/g;

/** Names ending so are places, goals or generic words, not bodies: 会议中心, 工作格局. */
export const NOT_ORGANISATIONS =
  /(会议中心|会展中心|会议厅|报告厅|展厅|大厅|礼堂|格局|布局|大局|全局|结局|开局|当局|政府工作|创新中心|科技创新中心|金融中心|国际交往中心|文化中心|政治中心|中心城区|城市中心|市中心)$|^(中心|集团|公司|学院|大学|政府|局|厅|委员会|学校|子公司|全资子公司|分公司|母公司)$/;

/** Words after which an organisation's name begins (scanning left from its suffix). */
export const ORG_LEFT_BOUNDARIES = [
  '以及',
  '与',
  '和',
  '同',
  '及',
  '在',
  '由',
  '向',
  '对',
  '为',
  '将',
  '于',
  '从',
  '把',
  '被',
  '是',
  '的',
  '等',
  '代表',
  '签署',
  '签订',
  '下属',
  '旗下',
  '所属',
  '率',
  '会见',
  '来访',
  '访问',
  '参观',
  '举行',
  '召开',
  '出席',
  '参加',
  '我校',
  '该校',
  '本网讯',
  '讯',
  '日',
  '上午',
  '下午',
  '晚上',
  '暨',
  '携手',
  '联合',
  '依托',
  '支持',
  '作为',
  '根据',
  '按照',
  '围绕',
];

/** The verbs of signing. */
export const SIGNING = /签署|签订|签约|签定|签下|签字/g;

/** How an agreement's title ends: 战略合作协议, 先导区合同, 合作备忘录, 投资意向书. */
export const AGREEMENT_TITLE_END =
  /(框架协议|合作协议书|协议书|协议|合同书|合同|备忘录|意向书|协定|契约|议定书)/;
