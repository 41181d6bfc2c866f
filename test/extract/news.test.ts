/**
 * The failure classes real news showed (issue 14), each reproduced in a short article written
 * here (names and bodies invented): a title read after another body's officials, a body that
 * names itself, a signatory stated by context or for the other side, a party named without an
 * ending, one agreement in the headline and the body, a date without a year, traditional
 * characters with 由X與Y簽署, and English releases that write titles before names.
 */
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/extract/dates.ts';
import { extractDraft } from '../../src/extract/extract.ts';

const draftOf = async (text: string, publishedOn?: string) =>
  extractDraft(text, publishedOn ? { publishedOn } : {});

type Draft = Awaited<ReturnType<typeof draftOf>>;
const idOf = (draft: Draft, name: string) =>
  draft.records.find((r) => r.record.name === name)?.record.id;
const nameOf = (draft: Draft, id: unknown) =>
  draft.records.find((r) => r.record.id === id)?.record.name;
const rolesOf = (draft: Draft) =>
  draft.records
    .filter((r) => r.record.type === 'role')
    .map(
      (r) =>
        `${nameOf(draft, r.record.person)} ${r.record.title} @${nameOf(draft, r.record.organisation)}`,
    )
    .sort();
const signatoriesOf = (draft: Draft) =>
  draft.records
    .filter((r) => r.record.type === 'agreement')
    .flatMap((r) => (r.record.signatories as { person: string; onBehalfOf: string }[]) ?? [])
    .map((s) => `${nameOf(draft, s.person)} for ${nameOf(draft, s.onBehalfOf)}`)
    .sort();
const agreementsOf = (draft: Draft) => draft.records.filter((r) => r.record.type === 'agreement');

describe('titles and the bodies that hold them', () => {
  it('gives 校长 after a city’s officials to the university, and signs each for their side', async () => {
    const draft = await draftOf(
      '8月4日下午,南湖大学与临江市人民政府合作办学签约仪式在临江市举行。临江市市长赵明、副市长钱亮,校长孙立、副校长李芳等出席仪式。\n\n在孙立和赵明的见证下,李芳与钱亮代表双方签署合作协议。',
      '2025-08-06',
    );
    expect(rolesOf(draft)).toEqual([
      '孙立 校长 @南湖大学',
      '李芳 副校长 @南湖大学',
      '赵明 市长 @临江市人民政府',
      '钱亮 副市长 @临江市人民政府',
    ]);
    expect(signatoriesOf(draft)).toEqual(['李芳 for 南湖大学', '钱亮 for 临江市人民政府']);
  });

  it('reads 学校 and 我校 as the page’s own body, drafted for the reviewer to name', async () => {
    const draft = await draftOf(
      '新闻网讯 7月4日,学校与东山生态研究所举行战略合作签约仪式。东山生态研究所所长刘强、副所长陈静出席仪式。校长张华、副校长王丽出席仪式。\n\n张华与刘强分别代表校所双方签署战略合作协议。',
    );
    expect(rolesOf(draft)).toEqual([
      '刘强 所长 @东山生态研究所',
      '张华 校长 @学校',
      '王丽 副校长 @学校',
      '陈静 副所长 @东山生态研究所',
    ]);
    expect(signatoriesOf(draft)).toEqual(['刘强 for 东山生态研究所', '张华 for 学校']);
    expect(draft.unplaced.some((u) => u.kind === 'organisation' && u.text === '学校')).toBe(true);
    // No year on the page: the date stays as stated.
    expect(agreementsOf(draft)[0]?.record.signedOn).toBe('--07-04');
  });

  it('gives bare 区委 and 区政府 to the district whose page it is (来源: 南湖区…)', async () => {
    const draft = await draftOf(
      '区政府与东信集团签约\n时间:2020-04-29 来源: 南湖区地方志办公室\n\n9月13日,区政府与东信集团有限公司签署战略合作框架协议。区委书记曹强,区委副书记、区长周浩出席签约仪式。',
    );
    expect(rolesOf(draft)).toEqual([
      '周浩 区委副书记 @南湖区委',
      '周浩 区长 @南湖区政府',
      '曹强 区委书记 @南湖区委',
    ]);
  });

  it('lists a title it cannot place instead of giving it to the last body named', async () => {
    const draft = await draftOf(
      '5月6日,临江市人民政府与东信集团有限公司签署战略合作协议。临江市市长赵明,所长周立出席。',
      '2025-05-07',
    );
    expect(rolesOf(draft)).toEqual(['赵明 市长 @临江市人民政府']);
    expect(draft.unplaced.some((u) => u.kind === 'role' && u.text.includes('周立'))).toBe(true);
  });
});

describe('titles listed with commas (issue 14, second round)', () => {
  it('splits 县委常委、宣传部长 into two titles, each as written', async () => {
    const draft = await draftOf(
      '7月3日上午,滨海县与南星科技有限公司签订战略合作协议。滨海县委常委、宣传部长吴江,县委常委、副县长陈苗出席签约仪式。',
      '2025-07-05',
    );
    expect(rolesOf(draft)).toEqual([
      '吴江 县委常委 @滨海县委',
      '吴江 宣传部长 @滨海县委',
      '陈苗 副县长 @滨海县',
      '陈苗 县委常委 @滨海县委',
    ]);
  });
});

describe('organisation names as the text writes them (issue 14, second round)', () => {
  const orgNames = (draft: Draft) =>
    draft.records.filter((r) => r.record.type === 'organisation').map((r) => r.record.name);

  it('reads 岚县县委、县政府 as the county 岚县, never a made-up 岚县县政府', async () => {
    const draft = await draftOf(
      '9月5日,岚县县委、县政府与中冶建工集团有限公司签订战略合作协议。岚县县委书记王刚,县委副书记、县长李强出席签约仪式。',
      '2025-09-10',
    );
    expect(orgNames(draft)).toEqual(['岚县县委', '岚县政府', '中冶建工集团有限公司']);
    const regions = draft.records.filter((r) => r.record.type === 'region');
    expect(regions.map((r) => r.record.name)).toEqual(['岚县']);
    expect(rolesOf(draft)).toContain('李强 县长 @岚县政府');
  });

  it('reads a county named by a common word (道县) as its place, never a bare 县人民政府', async () => {
    const draft = await draftOf(
      '2025年3月8日,道县人民政府与远川能源集团有限公司签署战略合作协议。道县县委书记方明,道县县长何平出席签约仪式。',
    );
    expect(orgNames(draft).sort()).toEqual(
      ['道县人民政府', '道县县委', '远川能源集团有限公司'].sort(),
    );
    expect(rolesOf(draft)).toEqual(['何平 县长 @道县人民政府', '方明 县委书记 @道县县委']);
    const after = await draftOf(
      '2025年3月8日,远川能源集团有限公司与道县人民政府签署战略合作协议。',
    );
    expect(orgNames(after).sort()).toEqual(['远川能源集团有限公司', '道县人民政府'].sort());
    // 代表县人民政府: 代表 is no place; the bare body stays bare.
    const bare = await draftOf('2025年3月8日,副县长何平代表县人民政府签署协议。');
    expect(orgNames(bare)).not.toContain('表县人民政府');
    // 原县委书记: 原 qualifies the title; no county 原县.
    const former = await draftOf(
      '2025年3月8日,道县人民政府与远川能源集团有限公司签署协议。原县委书记方明出席。',
    );
    expect(orgNames(former).filter((n) => String(n).startsWith('原'))).toEqual([]);
  });

  it('drafts no body for a bare 市政府 the text gives no place for, and lists its title', async () => {
    const draft = await draftOf(
      '11月2日,滨海县人民政府与科达集团有限公司签订合作协议。县委书记王刚,市政府副秘书长李强出席签约仪式。',
      '2025-11-05',
    );
    expect(orgNames(draft)).not.toContain('市政府');
    expect(rolesOf(draft)).toEqual(['王刚 县委书记 @滨海县委']);
    expect(draft.unplaced.some((u) => u.kind === 'role' && u.text === '李强 副秘书长')).toBe(true);
  });

  it('keeps a council named inside a title in the title, and the titles after it at the university', async () => {
    const draft = await draftOf(
      '10月8日,东湖大学与临江市人民政府签订合作协议。临江市市长王伟,东湖大学校务委员会专职副主任赵刚,副校长钱亮出席。',
      '2025-10-10',
    );
    expect(rolesOf(draft)).toEqual([
      '王伟 市长 @临江市人民政府',
      '赵刚 校务委员会专职副主任 @东湖大学',
      '钱亮 副校长 @东湖大学',
    ]);
  });
});

describe('the page’s own university (issue 14, second round)', () => {
  it('keeps 我校 apart from the partner university it signs with, and its people’s titles at 我校', async () => {
    const draft = await draftOf(
      '新闻网讯 6月12日,我校与东湖大学签订合作协议。党委书记王刚、校长李强出席签约仪式。东湖大学副校长钱亮出席。\n\n李强与钱亮分别代表两校签署协议。',
    );
    expect(rolesOf(draft)).toEqual([
      '李强 校长 @我校',
      '王刚 党委书记 @我校',
      '钱亮 副校长 @东湖大学',
    ]);
    const parties = agreementsOf(draft)[0]?.record.parties as string[];
    expect(parties.map((p) => nameOf(draft, p))).toEqual(['我校', '东湖大学']);
    expect(signatoriesOf(draft)).toEqual(['李强 for 我校', '钱亮 for 东湖大学']);
    expect(draft.unplaced.some((u) => u.kind === 'organisation' && u.text === '我校')).toBe(true);
  });

  it('ties 我校 to the university the page names, even where it is named only in a title', async () => {
    const draft = await draftOf(
      '10月8日,我校与临江市人民政府签订合作协议。东湖大学校务委员会专职副主任赵刚,副校长钱亮出席签约仪式。',
      '2025-10-10',
    );
    const parties = agreementsOf(draft)[0]?.record.parties as string[];
    expect(parties.map((p) => nameOf(draft, p))).toEqual(['东湖大学', '临江市人民政府']);
    expect(idOf(draft, '我校')).toBeUndefined();
    expect(rolesOf(draft)).toContain('钱亮 副校长 @东湖大学');
  });
});

describe('agreement titles (issue 14, second round)', () => {
  it('reads no preposition into a title (随着合作协议的签订 is 合作协议)', async () => {
    const draft = await draftOf(
      '5月6日,南湖大学与临江市人民政府举行签约仪式。随着合作协议的签订,双方将深化合作。',
      '2025-05-08',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).toEqual(['合作协议']);
  });

  it('drafts no agreement between named bodies for signings by heads it does not name', async () => {
    const draft = await draftOf(
      '5月6日,南湖大学与临江市人民政府签订战略合作协议。会上,南湖大学二级学院负责人分别与临江市人民政府相关部门负责人签订了具体的项目合作协议。',
      '2025-05-08',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).toEqual(['战略合作协议']);
    expect(
      draft.unplaced.some((u) => u.kind === 'agreement' && u.text === '具体的项目合作协议'),
    ).toBe(true);
  });

  it('reads no "of the" into an English agreement', async () => {
    const draft = await draftOf(
      'Eastbridge University and Corvan sign MoU\n\nOn May 30, Eastbridge University and Corvan held a ceremony for the signing of the MoU at the main campus.',
      '2025-06-01',
    );
    const named = [
      ...agreementsOf(draft).map((a) => a.record.name),
      ...draft.unplaced.map((u) => u.text),
    ];
    expect(named.some((n) => /\bof\b/.test(String(n)))).toBe(false);
  });
});

describe('signatories', () => {
  it('gives X代表A与B副总裁Y签署 X for A and Y for B, never X for B', async () => {
    const draft = await draftOf(
      '9月13日,区政府与东信集团有限公司签署战略合作框架协议。区委常委、副区长周平代表区政府与东信集团副总裁吴刚签署协议。',
      '2025-09-20',
    );
    expect(signatoriesOf(draft)).toEqual(['吴刚 for 东信集团有限公司', '周平 for 区政府']);
  });

  it('reads 由X與Y簽署 in traditional characters: each for the body of their title', async () => {
    const draft = await draftOf(
      '都城大學與北嶺商會昨日簽署合作備忘錄,建立夥伴關係。\n\n合作備忘錄在都城大學校長李明及北嶺商會會長陳大文見證下,由都城大學副校長王小強與北嶺商會常務副會長林志明簽署。',
      '2026-01-10',
    );
    expect(agreementsOf(draft)).toHaveLength(1);
    expect(signatoriesOf(draft)).toEqual(['林志明 for 北嶺商會', '王小強 for 都城大學']);
    expect(agreementsOf(draft)[0]?.record.signedOn).toBe('2026-01-09');
    expect(rolesOf(draft)).toContain('陳大文 會長 @北嶺商會');
  });

  it('reads names written before their titles (季某秘書長), as Macau news does', async () => {
    const draft = await draftOf(
      '6月9日,東灣論壇常設秘書處與南嶺省商務廳簽署了《經貿合作協議》,東灣論壇常設秘書處王啟明秘書長和南嶺省商務廳陳家豪廳長分別代表各方在協議上簽字。',
    );
    expect(signatoriesOf(draft)).toEqual([
      '王啟明 for 東灣論壇常設秘書處',
      '陳家豪 for 南嶺省商務廳',
    ]);
  });
});

describe('people', () => {
  it('reads names after 领导 and names glued to 作了, and places a delegation’s leader at the signing', async () => {
    const draft = await draftOf(
      '东城区委常委、常务副区长贾明日前率东城区党政代表团来访,与滨海县签订结对协议。滨海县县长林海,县领导陈苗、吴江参加签约仪式。签约企业代表南星科技有限公司总经理曾伟作了发言。',
      '2025-07-24',
    );
    const people = draft.records
      .filter((r) => r.record.type === 'person')
      .map((r) => r.record.name);
    expect(people).toEqual(expect.arrayContaining(['贾明', '林海', '陈苗', '吴江', '曾伟']));
    expect(rolesOf(draft)).toContain('曾伟 总经理 @南星科技有限公司');
    expect(rolesOf(draft).some((r) => r.includes('领导'))).toBe(false);
    const present = draft.records
      .filter((r) => r.record.type === 'event')
      .flatMap((r) => (r.record.attendees as string[]) ?? []);
    expect(present.map((id) => nameOf(draft, id))).toEqual(
      expect.arrayContaining(['贾明', '林海', '陈苗', '吴江']),
    );
  });
});

describe('parties and agreements', () => {
  it('drafts one agreement told in the headline and again in the body, between two bare places', async () => {
    const draft = await draftOf(
      '滨海县与东城区签署战略合作协议\n\n7月21日上午,滨海县与东城区对口合作座谈会召开。东城区与滨海县签订《全面战略合作框架协议》。滨海县委副书记、县长林海出席会议。',
      '2025-07-24',
    );
    const agreements = agreementsOf(draft);
    expect(agreements.map((a) => a.record.name)).toEqual(['全面战略合作框架协议']);
    expect(agreements[0]?.record.aliases).toEqual(['战略合作协议']);
    const parties = (agreements[0]?.record.parties ?? []) as string[];
    expect(parties.map((p) => nameOf(draft, p)).sort()).toEqual(['东城区', '滨海县']);
    expect(rolesOf(draft)).toEqual(['林海 县委副书记 @滨海县委', '林海 县长 @滨海县']);
  });

  it('takes a party written without an ending beside a known one (东建与南湖大学签署)', async () => {
    const draft = await draftOf(
      '12月14日,东建与南湖大学在北京签署战略合作框架协议。东建监事会主席李森、南湖大学副校长奚峰代表双方签约。(薛佳)',
      '2025-12-30',
    );
    const parties = agreementsOf(draft)[0]?.record.parties as string[];
    expect(parties.map((p) => nameOf(draft, p))).toEqual(['东建', '南湖大学']);
    expect(signatoriesOf(draft)).toEqual(['奚峰 for 南湖大学', '李森 for 东建']);
    expect(rolesOf(draft)).toContain('李森 监事会主席 @东建');
    // A name alone in brackets closing the article is its writer's.
    const source = draft.records.find((r) => r.record.type === 'source')?.record;
    expect(source?.credits).toEqual([{ person: idOf(draft, '薛佳'), role: 'writing' }]);
  });
});

describe('dates', () => {
  it('keeps a month and day without a year as --MM-DD, and takes a year the paragraph opens with', () => {
    expect(findDates('7月4日,双方签约。', undefined).map((d) => d.date)).toEqual(['--07-04']);
    expect(findDates('2018年,区政府推进合作。9月13日,双方签约。', '2020-04-29')[0]?.date).toBe(
      '2018-09-13',
    );
    // The publication date alone gives no year (issue 14: only the text does).
    expect(findDates('8月4日下午,双方签约。', '2025-08').map((d) => d.date)).toEqual(['--08-04']);
    // A dateline and a span of days are not the day anything was done.
    expect(
      findDates(
        '1月16日消息:日前签约。8月26日至8月29日访问期间签约。甲大学今天宣布签约。',
        '2017-01-16',
      ),
    ).toEqual([]);
  });
});

describe('English names (issue 14, second round)', () => {
  it('drafts no person named after a subject (Electronic Engineering, Department of …)', async () => {
    const draft = await draftOf(
      'Eastbridge University and Corvan sign MoU\n\nOn May 30, Eastbridge University and Corvan signed a memorandum of understanding. Also present were staff of Electronic Engineering, Department of Eastbridge University.',
      '2025-06-01',
    );
    const people = draft.records.filter((r) => r.record.type === 'person');
    expect(people.map((r) => r.record.name)).not.toContain('Electronic Engineering');
    expect(rolesOf(draft)).toEqual([]);
  });
});

describe('the signing’s own date (issue 14, second round)', () => {
  it('never dates a signing by a past milestone told beside it', async () => {
    for (const text of [
      '日前,东城区人民政府与南星科技有限公司签订合作协议。双方于2019年5月12日建立合作关系。',
      '2019年5月12日,东城区人民政府与南星科技有限公司建立合作关系。此后双方往来频繁。东城区人民政府与南星科技有限公司签订合作协议。',
    ]) {
      const draft = await draftOf(text, '2025-03-10');
      expect(agreementsOf(draft)).toHaveLength(1);
      expect(agreementsOf(draft)[0]?.record.signedOn).toBeUndefined();
    }
  });

  it('takes no year for a month and day from a milestone the paragraph opens with', async () => {
    const draft = await draftOf(
      '2019年,双方建立合作关系。3月8日,东城区人民政府与南星科技有限公司签订合作协议。',
      '2025-03-10',
    );
    expect(agreementsOf(draft)[0]?.record.signedOn).toBe('--03-08');
  });
});

describe('English releases', () => {
  it('reads titles before names and in brackets, a partner without a legal ending, and who signed for whom', async () => {
    const draft = await draftOf(
      'Eastbridge University and Corvan Join Forces\n\nOn May 30, Eastbridge University (EBU) and Corvan signed a strategic cooperative agreement.\n\nEBU Vice-Chancellor Alan Reed and Corvan CEO Maria Lopez signed the agreement in the presence of Dr Tom Hart (Registrar, Eastbridge University).',
      '2025-06-01',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).toEqual([
      'strategic cooperative agreement',
    ]);
    expect(signatoriesOf(draft)).toEqual([
      'Alan Reed for Eastbridge University',
      'Maria Lopez for Corvan',
    ]);
    expect(agreementsOf(draft)[0]?.record.witnesses).toEqual([idOf(draft, 'Tom Hart')]);
    expect(agreementsOf(draft)[0]?.record.signedOn).toBe('--05-30');
  });
});

const orgNames = (draft: Draft) =>
  draft.records
    .filter((r) => r.record.type === 'organisation')
    .map((r) => r.record.name as string)
    .sort();

describe('organisation names begin at a real boundary (issue 14, third round)', () => {
  it('keeps a first character jieba glues to the word before (其中冶…, 与中/f, 十一局)', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与中化学集团有限公司签署合作协议。南湖大学还与中铁十一局集团有限公司签署合作协议,其中冶赛迪集团有限公司与南湖大学签署了人才协议。签约仪式上中化学集团有限公司董事长王明致辞。',
    );
    expect(orgNames(draft)).toEqual([
      '中冶赛迪集团有限公司',
      '中化学集团有限公司',
      '中铁十一局集团有限公司',
      '南湖大学',
    ]);
    expect(rolesOf(draft)).toEqual(['王明 董事长 @中化学集团有限公司']);
  });
});

describe('a county’s committee and government (issue 14, third round)', () => {
  it('keeps the government’s name as the text writes it, even when it is first met bare', async () => {
    const draft = await draftOf(
      '6月3日,临江县委、县政府主要领导带队到南湖大学考察。臨江縣人民政府与南湖大学签署合作协议。县委书记王强,县委常委、常务副县长刘海出席。',
    );
    expect(orgNames(draft)).toEqual(['临江县委', '南湖大学', '臨江縣人民政府']);
    expect(rolesOf(draft)).toEqual([
      '刘海 县委常委 @临江县委',
      '刘海 常务副县长 @臨江縣人民政府',
      '王强 县委书记 @临江县委',
    ]);
  });

  it('lists 县委书记 and 县长 as unplaced, and 在县委 as no region, when no county is named', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与东信集团有限公司在县委举行签约仪式。县委书记王强,县长刘海出席。',
    );
    expect(rolesOf(draft)).toEqual([]);
    expect(draft.records.filter((r) => r.record.type === 'region')).toEqual([]);
    expect(draft.unplaced.filter((u) => u.kind === 'role').map((u) => u.text)).toEqual([
      '王强 县委书记',
      '刘海 县长',
    ]);
  });
});

describe('the page’s own university named somewhere on the page (issue 14, third round)', () => {
  it('ties 我校 and its 校长 to the university a unit’s name begins with, drafting no 我校', async () => {
    const draft = await draftOf(
      '6月3日,东海中医药大学附属医院与临江医药集团有限公司签署合作协议。我校党委书记李强、校长张华出席。',
    );
    expect(orgNames(draft)).toEqual([
      '东海中医药大学',
      '东海中医药大学附属医院',
      '临江医药集团有限公司',
    ]);
    expect(rolesOf(draft)).toEqual(['张华 校长 @东海中医药大学', '李强 党委书记 @东海中医药大学']);
  });

  it('ties 我校 to the publisher the header names, and titles with no body to it', async () => {
    const draft = await draftOf(
      '我校与临江医药集团签署合作协议\n来源:东海中医药大学新闻网 发布时间:2025-06-03\n\n6月3日,我校与临江医药集团有限公司签署战略合作协议。校长张华、副校长王丽出席。',
    );
    expect(orgNames(draft)).toEqual(['东海中医药大学', '临江医药集团有限公司']);
    expect(rolesOf(draft)).toEqual(['张华 校长 @东海中医药大学', '王丽 副校长 @东海中医药大学']);
    expect(draft.unplaced.filter((u) => u.kind === 'organisation')).toEqual([]);
  });

  it('gives titles after 我校 to the university the page names, not to nobody', async () => {
    const draft = await draftOf(
      '东海中医药大学与临江市人民政府签署合作协议\n\n6月3日,我校与临江市人民政府签署战略合作协议。校长张华、副校长王丽出席。临江市市长赵明出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '张华 校长 @东海中医药大学',
      '王丽 副校长 @东海中医药大学',
      '赵明 市长 @临江市人民政府',
    ]);
  });
});

describe('a town’s and a district’s own bodies (issue 14, third round)', () => {
  it('gives 镇长 to the town, 主任 to the district’s commission, and never reads 区委 as its short form', async () => {
    const draft = await draftOf(
      '6月3日,南湖区与东信集团有限公司签署合作协议。区委副书记、区长刘海,青石镇党委书记李明、镇长王强,区卫生健康委员会主任陈静出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '刘海 区委副书记 @南湖区委',
      '刘海 区长 @南湖区',
      '李明 镇党委书记 @青石镇党委',
      '王强 镇长 @青石镇政府',
      '陈静 主任 @区卫生健康委员会',
    ]);
  });

  it('gives 青石镇镇长 to the town government the text names, not a bare 镇政府', async () => {
    const draft = await draftOf(
      '6月3日,青石镇人民政府与东信集团有限公司签署合作协议。南湖区副区长刘海,青石镇镇长王强,南湖区卫生健康委员会主任陈静出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '刘海 副区长 @南湖区政府',
      '王强 镇长 @青石镇人民政府',
      '陈静 主任 @南湖区卫生健康委员会',
    ]);
    expect(
      draft.records.filter((r) => r.record.type === 'region').map((r) => r.record.name),
    ).toEqual(expect.not.arrayContaining(['镇']));
  });
});

describe('titles cut or merged (issue 14, third round)', () => {
  it('reads a college named by two disciplines whole, and gives its titles to the university, not the company before it', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与东信集团有限公司签署合作协议。东信集团董事长李明,学校环境科学与工程学院党委书记王强出席。东信集团有限公司与中国科学院东北地理与农业生态研究所也签署了协议。',
    );
    expect(rolesOf(draft)).toEqual([
      '李明 董事长 @东信集团有限公司',
      '王强 环境科学与工程学院党委书记 @南湖大学',
    ]);
    expect(orgNames(draft)).toContain('中国科学院东北地理与农业生态研究所');
    expect(orgNames(draft).some((n) => n.startsWith('工程学院'))).toBe(false);
  });

  it('keeps a university’s college in one name when it signs (南湖大学材料科学与工程学院)', async () => {
    const draft = await draftOf(
      '6月3日,东信集团有限公司与南湖大学材料科学与工程学院签署合作协议。',
    );
    expect(
      agreementsOf(draft).map((a) => (a.record.parties as string[]).map((p) => nameOf(draft, p))),
    ).toEqual([['东信集团有限公司', '南湖大学材料科学与工程学院']]);
  });
});

describe('former titles and a subsidiary’s short name (issue 14, third round)', () => {
  it('keeps 原 in a title as written, and gives 检测中心总经理 to the subsidiary it shortens', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与东信集团有限公司签署合作协议。东信集团下属东信检测中心有限公司参与合作。南湖大学原党委书记李明,检测中心总经理王强、东信集团原董事长赵刚出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '李明 原党委书记 @南湖大学',
      '王强 总经理 @东信检测中心有限公司',
      '赵刚 原董事长 @东信集团有限公司',
    ]);
  });
});

describe('people missed or invented (issue 14, third round)', () => {
  it('reads a three-character name ending in 和, and no name in 简单介绍', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与东信集团有限公司签署合作协议。南湖大学党委书记白平和,东信集团党委书记、董事长张明出席。东信集团董事长简单介绍了集团情况。',
    );
    expect(rolesOf(draft)).toEqual([
      '张明 党委书记 @东信集团有限公司',
      '张明 董事长 @东信集团有限公司',
      '白平和 党委书记 @南湖大学',
    ]);
  });

  it('reads a traditional delegation list: after 成員包括, with spaces, and names before titles', async () => {
    const lists = [
      '東海大學訪問團由校長王大明率領,成員包括副校長李小華、教務長陳志明、研發長林美玲、國際長黃國強等一行12人。',
      '東海大學訪問團一行:校長 王大明、副校長 李小華、教務長 陳志明、研發長 林美玲、國際長 黃國強。',
      '東海大學王大明校長、李小華副校長、陳志明教務長、林美玲研發長與黃國強國際長一行拜會南湖科學院。',
    ];
    for (const text of lists) {
      const draft = await draftOf(text);
      expect(rolesOf(draft)).toEqual([
        '李小華 副校長 @東海大學',
        '林美玲 研發長 @東海大學',
        '王大明 校長 @東海大學',
        '陳志明 教務長 @東海大學',
        '黃國強 國際長 @東海大學',
      ]);
    }
  });
});

describe('organisations missed (issue 14, third round)', () => {
  it('reads museums, ministries and 次長 in traditional characters', async () => {
    const draft = await draftOf(
      '國立東海大學與故宮博物院簽署合作備忘錄。教育部次長王大明、故宮博物院院長陳志明出席。',
    );
    expect(orgNames(draft)).toEqual(['國立東海大學', '故宮博物院', '教育部']);
    expect(rolesOf(draft)).toEqual(['王大明 次長 @教育部', '陳志明 院長 @故宮博物院']);
  });

  it('reads an abbreviation before a title (国博馆长) and a subsidiary after 及其子公司', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与国家博物馆、外交部签署合作协议。外交部副部长王强、国博馆长李明出席。东信集团有限公司及其子公司东信科技有限公司参加。东信科技总经理赵刚出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '李明 馆长 @国家博物馆',
      '王强 副部长 @外交部',
      '赵刚 总经理 @东信科技有限公司',
    ]);
    const child = draft.records.find((r) => r.record.name === '东信科技有限公司')?.record;
    expect(nameOf(draft, child?.parent)).toBe('东信集团有限公司');
  });
});

describe('a bare 市政府 and the city the page names (issue 14, third round)', () => {
  it('drafts one body for 市政府 and the 市长 of the one city named, never two', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与市政府签署合作协议。临江市市长赵明、副市长钱亮出席。',
    );
    expect(orgNames(draft)).toEqual(['临江市政府', '南湖大学']);
    expect(rolesOf(draft)).toEqual(['赵明 市长 @临江市政府', '钱亮 副市长 @临江市政府']);
  });

  it('takes the city the signing is held in for a bare 市委 and 市政府', async () => {
    const draft = await draftOf(
      '6月3日,在临江市举行的签约仪式上,南湖大学与市政府签署合作协议。市委书记王强、市长赵明出席。',
    );
    expect(rolesOf(draft)).toEqual(['王强 市委书记 @临江市委', '赵明 市长 @临江市政府']);
  });
});

describe('a group named by its short form before titles (issue 14, third round)', () => {
  it('reads 中冶 and 东方电气 as the groups they shorten, with every title listed after them', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与中国冶金科工集团有限公司、东方电气集团有限公司签署战略合作协议。中冶党委书记、董事长陈明,东方电气总工程师、董事会秘书刘强出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '刘强 总工程师 @东方电气集团有限公司',
      '刘强 董事会秘书 @东方电气集团有限公司',
      '陈明 党委书记 @中国冶金科工集团有限公司',
      '陈明 董事长 @中国冶金科工集团有限公司',
    ]);
  });
});

describe('a district within a city, and its commissions (issue 14, third round)', () => {
  it('gives 临江市南湖区副区长 to the district, and 区发展和改革委员会主任 to that commission alone', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与临江市人民政府签署合作协议。临江市副市长赵明,临江市南湖区副区长王强出席。\n\n南湖区委常委、副区长李强,区发展和改革委员会主任刘海出席。',
    );
    expect(rolesOf(draft)).toEqual([
      '刘海 主任 @区发展和改革委员会',
      '李强 副区长 @南湖区政府',
      '李强 区委常委 @南湖区委',
      '王强 副区长 @南湖区政府',
      '赵明 副市长 @临江市人民政府',
    ]);
  });
});

describe('a place jieba glues to the word before it (issue 14, third round)', () => {
  it('reads 北州市 in 活动由北州市副市长 and in 活动由北州市政府, never 活动由北州市', async () => {
    for (const text of [
      '6月3日,南湖大学与东信集团有限公司签署合作协议。签约活动由北州市副市长王强主持。',
      '6月3日,南湖大学与东信集团有限公司签署合作协议。签约活动由北州市政府副市长王强主持。',
    ]) {
      const draft = await draftOf(text);
      expect(rolesOf(draft)).toEqual(['王强 副市长 @北州市政府']);
    }
  });
});

describe('words after a title that are not names (issue 14, third round)', () => {
  it('drafts no person for 一行 or 高兴地 after a title', async () => {
    const draft = await draftOf(
      '6月3日,南湖大学与东信集团有限公司签署合作协议。东信集团总经理简一行参观了实验室。东信集团副总经理高兴地表示,合作前景广阔。',
    );
    expect(draft.records.filter((r) => r.record.type === 'person')).toEqual([]);
  });
});

/**
 * English releases as universities write them (issue 14, third round): titles after a comma
 * with or without a body, honorifics without a stop (Dr, Mr), Registrar i/c, "in the presence
 * of" after "signed by", an MoU signed in the passive or "entered into", units of a university
 * that sign, and a month and day without a year.
 */
const rolesWithParents = (draft: Draft) =>
  draft.records
    .filter((r) => r.record.type === 'organisation' && r.record.parent)
    .map((r) => `${r.record.name} < ${nameOf(draft, r.record.parent)}`)
    .sort();
const partiesOf = (draft: Draft) =>
  agreementsOf(draft).map((a) => (a.record.parties as string[]).map((p) => nameOf(draft, p)));

describe('English releases (issue 14, third round)', () => {
  it('signs those after "signed by" and makes those "in the presence of" witnesses, not signatories', async () => {
    const draft = await draftOf(
      'Kestrel University and Marlow Institute of Technology sign MoU\n\nKestrel University (KU) and Marlow Institute of Technology (MIT) signed a Memorandum of Understanding (MoU) on 7 November 2018 to promote joint research.\n\nThe MoU was signed by Prof. Anand Rao, Vice-Chancellor of KU, and Dr Helen Park, President of Marlow Institute of Technology, in the presence of Dr Samuel Okafor, Registrar i/c of KU, and Mr Victor Lim, Vice President for Internationalisation and Academic Development of MIT.',
    );
    expect(signatoriesOf(draft)).toEqual([
      'Anand Rao for Kestrel University',
      'Helen Park for Marlow Institute of Technology',
    ]);
    const witnesses = ((agreementsOf(draft)[0]?.record.witnesses as string[]) ?? []).map((w) =>
      nameOf(draft, w),
    );
    expect(witnesses).toEqual(['Samuel Okafor', 'Victor Lim']);
    expect(rolesOf(draft)).toEqual([
      'Anand Rao Vice-Chancellor @Kestrel University',
      'Helen Park President @Marlow Institute of Technology',
      'Samuel Okafor Registrar i/c @Kestrel University',
      'Victor Lim Vice President for Internationalisation and Academic Development @Marlow Institute of Technology',
    ]);
    expect(agreementsOf(draft)[0]?.record.signedOn).toBe('2018-11-07');
  });

  it('makes each faculty that signs a party, part of its university, and not the university', async () => {
    const draft = await draftOf(
      'MoU between Institute of Coastal Studies, Halden University and faculties of Universiti Teknologi Serang\n\nThe Institute of Coastal Studies, Halden University signed a Memorandum of Understanding (MoU) with the Faculty of Marine Science, the Faculty of Engineering and the Faculty of Social Sciences of Universiti Teknologi Serang (UTS) on 2nd February 2015.\n\nThe MoU was signed by Prof. Meera Iyer, Director, Institute of Coastal Studies, and Dr Azlan Hashim, Dean, Faculty of Marine Science, UTS.\n\nProf. Rajiv Menon, Vice-Chancellor, and Dr Lakshmi Nair, Registrar i/c, were present on the occasion.',
    );
    expect(partiesOf(draft)).toEqual([
      [
        'Institute of Coastal Studies',
        'Faculty of Marine Science',
        'Faculty of Engineering',
        'Faculty of Social Sciences',
      ],
    ]);
    expect(rolesWithParents(draft)).toEqual([
      'Faculty of Engineering < Universiti Teknologi Serang',
      'Faculty of Marine Science < Universiti Teknologi Serang',
      'Faculty of Social Sciences < Universiti Teknologi Serang',
      'Institute of Coastal Studies < Halden University',
    ]);
    expect(signatoriesOf(draft)).toEqual([
      'Azlan Hashim for Faculty of Marine Science',
      'Meera Iyer for Institute of Coastal Studies',
    ]);
    expect(agreementsOf(draft)[0]?.record.signedOn).toBe('2015-02-02');
    // A title with no body beside it is listed, not given to the nearest body; the person stays.
    expect(rolesOf(draft).some((r) => r.startsWith('Rajiv Menon'))).toBe(false);
    expect(draft.unplaced.filter((u) => u.kind === 'role').map((u) => u.text)).toEqual([
      'Rajiv Menon, Vice-Chancellor',
      'Lakshmi Nair, Registrar i/c',
    ]);
    expect(idOf(draft, 'Lakshmi Nair')).toBeDefined();
  });

  it('reads an MoU signed in the passive, "entered into", and a company with Pvt. Ltd.', async () => {
    const passive = await draftOf(
      'Universitas Merapi Selatan and Nordhavn Polytechnic sign MoU\n\nA Memorandum of Understanding (MoU) was signed between Universitas Merapi Selatan (UMS) and Nordhavn Polytechnic on 14th March 2019.\n\nMr Budi Santoso, Vice Rector for Academic Affairs, UMS, and Ms Karin Holm, Rector of Nordhavn Polytechnic, signed the MoU in the presence of Prof. Dewi Lestari, Dean of the Faculty of Engineering, UMS.',
    );
    expect(partiesOf(passive)).toEqual([['Universitas Merapi Selatan', 'Nordhavn Polytechnic']]);
    expect(signatoriesOf(passive)).toEqual([
      'Budi Santoso for Universitas Merapi Selatan',
      'Karin Holm for Nordhavn Polytechnic',
    ]);
    expect(agreementsOf(passive)[0]?.record.signedOn).toBe('2019-03-14');

    const entered = await draftOf(
      'Kestrel University and Orrin University enter into MoU\n\nKestrel University and Orrin University entered into a Memorandum of Understanding (MoU) on 2nd February 2015 for academic cooperation.\n\nThe MoU was signed by Prof. Anand Rao, Vice-Chancellor, Kestrel University, and Prof. Joseph Ao, Vice-Chancellor, Orrin University.',
    );
    expect(signatoriesOf(entered)).toEqual([
      'Anand Rao for Kestrel University',
      'Joseph Ao for Orrin University',
    ]);

    const company = await draftOf(
      'Torvik College signs MoU with Brightwater Foods\n\nTorvik College and Brightwater Foods Pvt. Ltd. signed a Memorandum of Understanding on December 22 for internships.\n\nMr Daniel Shaw, Principal of Torvik College, and Ms Priya Kapoor, Managing Director of Brightwater Foods, signed the MoU. The signing was witnessed by Dr Omar Haddad, Dean of Academic Affairs of Torvik College.',
      '2019-01-05',
    );
    expect(partiesOf(company)).toEqual([['Torvik College', 'Brightwater Foods Pvt. Ltd.']]);
    expect(rolesOf(company)).toContain('Omar Haddad Dean of Academic Affairs @Torvik College');
    expect(signatoriesOf(company)).toEqual([
      'Daniel Shaw for Torvik College',
      'Priya Kapoor for Brightwater Foods Pvt. Ltd.',
    ]);
  });
});

describe('the signing’s own date (issue 14, third round)', () => {
  it('keeps a year and month as YYYY-MM, and reads none from a period named after a day', async () => {
    const month = await draftOf(
      '2023年6月,东湖大学与南山集团有限公司在东湖签署战略合作协议。东湖大学校长王明出席签约仪式。',
      '2023-07-10',
    );
    expect(agreementsOf(month)[0]?.record.signedOn).toBe('2023-06');
    const period = await draftOf(
      '12月22日,临江县2023年12月招商引资项目集中签约仪式在县会议中心举行。临江县人民政府与南山集团有限公司签署合作协议。',
      '2023-12-25',
    );
    const event = period.records.find((r) => r.record.type === 'event');
    // The 2023 of the period comes after the day: it gives the day no year.
    expect(event?.record.date).toBe('--12-22');
    expect(agreementsOf(period)[0]?.record.signedOn).toBe('--12-22');
  });

  it('dates nothing by a publication line in the body, and a ceremony by its signing', async () => {
    const draft = await draftOf(
      '日前,东湖大学与南山集团有限公司举行战略合作签约仪式,双方签署战略合作协议。东湖大学校长王明出席仪式。\n\n发布日期:2024-03-05',
    );
    expect(agreementsOf(draft)[0]?.record.signedOn).toBeUndefined();
    expect(draft.records.find((r) => r.record.type === 'event')?.record.date).toBeUndefined();
  });
});

describe('compound agreement titles (issue 14, third round)', () => {
  it('drafts A协议及B协议 as two agreements with the same parties and date', async () => {
    for (const text of [
      '3月8日,东湖大学副校长王明与南山集团有限公司副总裁李强分别代表东湖大学与南山集团有限公司签署《战略合作框架协议》及《人才培养合作协议》。',
      '3月8日,东湖大学与南山集团有限公司举行战略合作框架协议和人才培养合作协议签约仪式。',
    ]) {
      const draft = await draftOf(text, '2025-03-10');
      const agreements = agreementsOf(draft);
      expect(agreements.map((a) => a.record.name)).toEqual([
        '战略合作框架协议',
        '人才培养合作协议',
      ]);
      for (const a of agreements) {
        expect((a.record.parties as string[]).map((p) => nameOf(draft, p))).toEqual([
          '东湖大学',
          '南山集团有限公司',
        ]);
        expect(a.record.signedOn).toBe('--03-08');
      }
    }
  });

  it('gives both the signatories of the clause that names both, and no one those of a later 签约', async () => {
    const both = await draftOf(
      '3月8日,东湖大学副校长王明与南山集团有限公司副总裁李强分别代表东湖大学与南山集团有限公司签署《战略合作框架协议》及《人才培养合作协议》。',
      '2025-03-10',
    );
    expect(signatoriesOf(both)).toEqual([
      '李强 for 南山集团有限公司',
      '李强 for 南山集团有限公司',
      '王明 for 东湖大学',
      '王明 for 东湖大学',
    ]);
    // A later clause says they signed, not which of the two: not copied to the other.
    const later = await draftOf(
      '3月8日,东湖大学与南山集团有限公司举行战略合作框架协议和人才培养合作协议签约仪式。东湖大学副校长王明与南山集团有限公司副总裁李强代表双方签约。',
      '2025-03-10',
    );
    expect(signatoriesOf(later).length).toBeLessThanOrEqual(2);
  });
});

describe('several agreements at one event (issue 14, third round)', () => {
  const pairs = (draft: Draft) =>
    agreementsOf(draft).map(
      (a) =>
        `${a.record.name}: ${(a.record.parties as string[]).map((p) => nameOf(draft, p)).join(' + ')}`,
    );

  it('gives each partner of X分别与A、B签署T1和T2 its own agreement with X', async () => {
    const draft = await draftOf(
      '3月8日,临江市招商引资项目集中签约仪式在市会议中心举行。\n\n仪式上,临江市与东山县签署了对口支援协议,南山集团有限公司分别与临江市、东湖大学签署了战略合作协议和基金协议。',
      '2025-03-10',
    );
    expect(pairs(draft)).toEqual([
      '对口支援协议: 临江市 + 东山县',
      '战略合作协议: 南山集团有限公司 + 临江市',
      '基金协议: 南山集团有限公司 + 东湖大学',
    ]);
  });

  it('reads each signing clause’s own parties: by the signers’ titles, or the subject the clause leaves out', async () => {
    const byTitles = await draftOf(
      '3月8日,临江市人民政府与东山县人民政府、南山集团有限公司举行合作签约仪式。\n\n临江市副市长孙丽与东山县副县长周平签署对口支援协议,孙丽与南山集团有限公司总经理刘洋签署战略合作协议。',
      '2025-03-10',
    );
    expect(pairs(byTitles)).toEqual([
      '对口支援协议: 临江市人民政府 + 东山县人民政府',
      '战略合作协议: 临江市人民政府 + 南山集团有限公司',
    ]);
    expect(signatoriesOf(byTitles)).toEqual([
      '刘洋 for 南山集团有限公司',
      '周平 for 东山县人民政府',
      '孙丽 for 临江市人民政府',
      '孙丽 for 临江市人民政府',
    ]);
    const elided = await draftOf(
      '3月8日,临江市人民政府与东山县人民政府、南山集团有限公司举行合作签约仪式。\n\n会上,临江市人民政府与东山县人民政府签订对口帮扶协议,与南山集团有限公司签订战略合作协议。',
      '2025-03-10',
    );
    expect(pairs(elided)).toEqual([
      '对口帮扶协议: 临江市人民政府 + 东山县人民政府',
      '战略合作协议: 临江市人民政府 + 南山集团有限公司',
    ]);
  });
});

describe('names before titles, Taiwan usage (issue 14, fourth round)', () => {
  it('signs NAME校長、ORG NAME院長 each for their body, and reads a delegation list by the body at its head', async () => {
    const draft = await draftOf(
      '國立北嶺大學與國家東岸科學研究院簽署學術合作備忘錄\n\n國立北嶺大學與國家東岸科學研究院在北嶺大學簽署學術合作備忘錄，由林志遠校長、東科院許文華院長代表雙方簽署。林志遠校長熱忱歡迎東科院一行來訪。\n\n出席觀禮的有北嶺大學張明德副校長、吳淑芬教務長、鄭建國研發長、蔡雅婷國際長及相關學院師長以及東科院劉俊傑副院長、策略會周怡君副執行長、航太所黃志明所長等一行主管。',
    );
    expect(rolesOf(draft)).toEqual([
      '劉俊傑 副院長 @國家東岸科學研究院',
      '吳淑芬 教務長 @國立北嶺大學',
      '周怡君 策略會副執行長 @國家東岸科學研究院',
      '張明德 副校長 @國立北嶺大學',
      '林志遠 校長 @國立北嶺大學',
      '蔡雅婷 國際長 @國立北嶺大學',
      '許文華 院長 @國家東岸科學研究院',
      '鄭建國 研發長 @國立北嶺大學',
      '黃志明 航太所所長 @國家東岸科學研究院',
    ]);
    expect(signatoriesOf(draft)).toEqual([
      '林志遠 for 國立北嶺大學',
      '許文華 for 國家東岸科學研究院',
    ]);
    const event = draft.records.find(
      (r) => r.record.type === 'event' && r.record.kind === 'signing-ceremony',
    );
    expect(
      ((event?.record.attendees as string[]) ?? []).map((id) => nameOf(draft, id)).sort(),
    ).toEqual([
      '劉俊傑',
      '吳淑芬',
      '周怡君',
      '張明德',
      '林志遠',
      '蔡雅婷',
      '許文華',
      '鄭建國',
      '黃志明',
    ]);
    expect(
      draft.records.filter((r) => r.record.type === 'organisation').map((r) => r.record.name),
    ).toEqual(['國立北嶺大學', '國家東岸科學研究院']);
  });
});

describe('an institute named only by its abbreviation (issue 14, fourth round)', () => {
  it('reads 東科院 as a body, its 院長 and the units listed after it there, never at the university', async () => {
    const draft = await draftOf(
      '國立北嶺大學與東科院簽署學術合作備忘錄，由林志遠校長、東科院許文華院長代表雙方簽署。\n\n北嶺大學張明德副校長及東科院劉俊傑副院長、航太所黃志明所長等共計近30位出席觀禮。',
    );
    expect(rolesOf(draft)).toEqual([
      '劉俊傑 副院長 @東科院',
      '張明德 副校長 @國立北嶺大學',
      '林志遠 校長 @國立北嶺大學',
      '許文華 院長 @東科院',
      '黃志明 航太所所長 @東科院',
    ]);
    expect(signatoriesOf(draft)).toEqual(['林志遠 for 國立北嶺大學', '許文華 for 東科院']);
  });
});

describe('witnesses named before their titles (issue 14, fourth round)', () => {
  it('reads 在孙立校长和赵明董事长的见证下 as two witnesses, never a person 和赵明', async () => {
    const draft = await draftOf(
      '5月6日，南湖大学与东信集团有限公司签署战略合作协议。\n\n在孙立校长和赵明董事长的见证下，南湖大学副校长李芳与东信集团有限公司总经理钱亮代表双方签署协议。',
    );
    expect(rolesOf(draft)).toEqual([
      '孙立 校长 @南湖大学',
      '李芳 副校长 @南湖大学',
      '赵明 董事长 @东信集团有限公司',
      '钱亮 总经理 @东信集团有限公司',
    ]);
    const [agreement] = agreementsOf(draft);
    expect(
      ((agreement?.record.witnesses as string[]) ?? []).map((id) => nameOf(draft, id)),
    ).toEqual(['孙立', '赵明']);
  });
});

describe('a company named with a bare 公司 and in full, in traditional characters (issue 14, fourth round)', () => {
  it('drafts one company and one agreement, witnesses and signatories named before their titles', async () => {
    const draft = await draftOf(
      '國立北嶺大學與東岸科技公司簽署產學合作備忘錄\n\n國立北嶺大學與東岸科技股份有限公司今日簽署產學合作備忘錄，在林志遠校長與東岸科技陳大同董事長見證下，由張明德副校長與東岸科技王小明總經理代表雙方簽署。',
      '2025-05-08',
    );
    expect(orgNames(draft)).toEqual(['國立北嶺大學', '東岸科技股份有限公司']);
    expect(signatoriesOf(draft)).toEqual([
      '張明德 for 國立北嶺大學',
      '王小明 for 東岸科技股份有限公司',
    ]);
    const [agreement, ...more] = agreementsOf(draft);
    expect(more).toEqual([]);
    expect(
      ((agreement?.record.witnesses as string[]) ?? []).map((id) => nameOf(draft, id)),
    ).toEqual(['林志遠', '陳大同']);
  });
});

describe('witnesses listed across commas (issue 14, fourth round)', () => {
  it('reads 在A校长X,B董事长Y的共同见证下 and A校长X,B董事长Y见证签约 as two witnesses', async () => {
    for (const body of [
      '在南湖大学校长孙立，东信集团有限公司董事长赵明的共同见证下，双方签署协议。',
      '南湖大学校长孙立，东信集团有限公司董事长赵明见证签约。',
    ]) {
      const draft = await draftOf(
        `5月6日，南湖大学与东信集团有限公司签署战略合作协议。南湖大学副校长李芳与东信集团有限公司总经理钱亮代表双方签署协议。\n\n${body}`,
      );
      const [agreement] = agreementsOf(draft);
      expect(
        ((agreement?.record.witnesses as string[]) ?? []).map((id) => nameOf(draft, id)),
      ).toEqual(['孙立', '赵明']);
    }
  });
});

describe('a year of the Republic, Taiwan usage (issue 14, fourth round)', () => {
  it('dates 民國112年6月12日 and 112年6月12日 as 2023-06-12', () => {
    for (const text of ['民國112年6月12日雙方簽約。', '於112年6月12日簽約。'])
      expect(findDates(text, undefined).map((d) => d.date)).toEqual(['2023-06-12']);
  });
});

describe('a three-party agreement told before its verb (issue 14, fourth round)', () => {
  it('drafts A与B、C合作共建…的协议正式签订 with three parties, one signatory each, and the town’s 镇长 at the town', async () => {
    const draft = await draftOf(
      '我校附属南湖医院西岭分院签约揭牌\n\n5月6日上午，我校附属南湖医院西岭分院签约揭牌仪式在东港区人民政府会议中心举行。我校校长陈立新、副校长王海涛，东港区人民政府区长刘建华、副区长赵敏等出席仪式。\n\n在我校和东港区人民政府领导的见证下，南湖医院与东港区卫生计生委、东港区西岭镇人民政府合作共建南湖医院西岭分院的协议正式签订，南湖医院院长孙志强、东港区卫生计生委主任李文博、东港区西岭镇人民政府镇长周向阳共同签约。',
      '2025-05-08',
    );
    const [agreement, ...more] = agreementsOf(draft);
    expect(more).toEqual([]);
    expect(agreement?.record.name).toBe('合作共建南湖医院西岭分院的协议');
    expect(((agreement?.record.parties as string[]) ?? []).map((id) => nameOf(draft, id))).toEqual([
      '南湖医院',
      '东港区卫生计生委',
      '东港区西岭镇人民政府',
    ]);
    expect(signatoriesOf(draft)).toEqual([
      '周向阳 for 东港区西岭镇人民政府',
      '孙志强 for 南湖医院',
      '李文博 for 东港区卫生计生委',
    ]);
    expect(rolesOf(draft)).toEqual([
      '刘建华 区长 @东港区人民政府',
      '周向阳 镇长 @东港区西岭镇人民政府',
      '孙志强 院长 @南湖医院',
      '李文博 主任 @东港区卫生计生委',
      '王海涛 副校长 @我校',
      '赵敏 副区长 @东港区人民政府',
      '陈立新 校长 @我校',
    ]);
    const event = draft.records.find((r) => r.record.type === 'event');
    expect([event?.record.name, event?.record.date]).toEqual(['签约揭牌仪式', '--05-06']);
  });
});

describe('several agreements at one signing, each with its own pair (issue 14, fourth round)', () => {
  const head =
    '南州市与北岭县签署合作协议\n\n6月18日，南州市与北岭县合作签约仪式在北岭县举行。\n\n仪式上，';
  const pairs = (draft: Draft) =>
    agreementsOf(draft).map(
      (a) =>
        `${a.record.name}: ${(a.record.parties as string[]).map((id) => nameOf(draft, id)).join(' + ')}`,
    );
  const expected = [
    '战略合作协议: 南州市人民政府 + 东信集团有限公司',
    '对口支援协议: 南州市人民政府 + 北岭县人民政府',
    '合作共建协议: 北岭县人民政府 + 兵团第五师八十团',
  ];

  it('reads each pair, a corps’ regiment among them, in clauses, in titles, and before 分别签订', async () => {
    const bodies = [
      '南州市人民政府与东信集团有限公司签订战略合作协议，南州市人民政府与北岭县人民政府签订对口支援协议，北岭县人民政府与兵团第五师八十团签订合作共建协议。',
      '签订了南州市人民政府与东信集团有限公司战略合作协议、南州市人民政府与北岭县人民政府对口支援协议以及北岭县人民政府与兵团第五师八十团合作共建协议。',
      '南州市人民政府与东信集团有限公司，南州市人民政府与北岭县人民政府，北岭县人民政府与兵团第五师八十团分别签订了战略合作协议、对口支援协议和合作共建协议。',
    ];
    for (const body of bodies) expect(pairs(await draftOf(`${head}${body}`))).toEqual(expected);
  });

  it('reads A分别与B签订T1、与C签订T2, and gives no earlier pair to a partner it cannot read', async () => {
    const severally = await draftOf(
      `${head}南州市人民政府分别与东信集团有限公司签订战略合作协议、与北岭县人民政府签订对口支援协议、与兵团第五师八十团签订合作共建协议。`,
    );
    expect(pairs(severally)).toEqual([
      '战略合作协议: 南州市人民政府 + 东信集团有限公司',
      '对口支援协议: 南州市人民政府 + 北岭县人民政府',
      '合作共建协议: 南州市人民政府 + 兵团第五师八十团',
    ]);
    const unread = await draftOf(
      `${head}南州市人民政府与北岭县人民政府签订对口支援协议，北岭县人民政府与红星农场签订合作共建协议。`,
    );
    expect(pairs(unread)).toEqual(['对口支援协议: 南州市人民政府 + 北岭县人民政府']);
    expect(unread.unplaced.map((u) => `${u.text} ${u.reason}`)).toContain(
      '合作共建协议 agreement-parties-unnamed',
    );
  });

  it('drafts no generic headline agreement over several of other pairs, and reads a division and a regiment named bare', async () => {
    const draft = await draftOf(
      '南州市与兵团第五师签署合作协议\n\n6月18日，南州市与兵团第五师合作签约仪式在南州市举行。第五师师长郑平出席仪式。\n\n仪式上，南州市政府与东信集团签订战略合作协议，八十团与南州市签订团市合作协议。',
      '2025-06-20',
    );
    expect(pairs(draft)).toEqual([
      '战略合作协议: 南州市政府 + 东信集团',
      '团市合作协议: 八十团 + 南州市政府',
    ]);
    expect(rolesOf(draft)).toEqual(['郑平 师长 @兵团第五师']);
  });

  it('reads no division in 第一师范 (a normal school)', async () => {
    const draft = await draftOf(
      '5月6日，湖南第一师范学院与第一师范附属小学签署合作协议。第五师师长郑平出席。',
    );
    expect(orgNames(draft).filter((n) => /^第一师$/.test(n as string))).toEqual([]);
    expect(rolesOf(draft)).toEqual(['郑平 师长 @第五师']);
  });

  it('gives a title that names its own pair (《A与B…协议》) no other pair', async () => {
    const draft = await draftOf(
      `${head}双方签署了《南州市人民政府与东信集团有限公司战略合作协议》《北岭县人民政府与八十团合作共建协议》。`,
    );
    expect(pairs(draft).filter((p) => p.includes('东信') || p.includes('八十团'))).toEqual([]);
  });
});

describe('short forms of governments and companies (issue 14, fourth round)', () => {
  it('reads 北川县政府 as the county’s government, 建研地基 and 检测中心 as the companies they shorten, with their titles', async () => {
    const draft = await draftOf(
      '北川县与中国建研院签署战略合作协议\n\n4月2日，北川县人民政府与中国建筑科学研究院有限公司、建研地基基础工程有限责任公司、建研检测中心有限公司签署战略合作协议。\n\n北川县县长王磊，中国建研院副院长赵刚，建研地基董事长孙伟，建研检测中心总经理钱伟出席签约仪式。\n\n会上，中国建研院与建研地基、检测中心签署战略合作协议。北川县政府副县长李强主持仪式。',
      '2025-04-03',
    );
    expect(orgNames(draft).sort()).toEqual(
      [
        '北川县人民政府',
        '中国建筑科学研究院有限公司',
        '建研地基基础工程有限责任公司',
        '建研检测中心有限公司',
      ].sort(),
    );
    expect(rolesOf(draft)).toEqual([
      '孙伟 董事长 @建研地基基础工程有限责任公司',
      '李强 副县长 @北川县人民政府',
      '王磊 县长 @北川县人民政府',
      '赵刚 副院长 @中国建筑科学研究院有限公司',
      '钱伟 总经理 @建研检测中心有限公司',
    ]);
    expect(
      agreementsOf(draft).map((a) =>
        (a.record.parties as string[]).map((id) => nameOf(draft, id)).join(' + '),
      ),
    ).toEqual([
      '北川县人民政府 + 中国建筑科学研究院有限公司 + 建研地基基础工程有限责任公司 + 建研检测中心有限公司',
      '中国建筑科学研究院有限公司 + 建研地基基础工程有限责任公司 + 建研检测中心有限公司',
    ]);
  });

  it('reads a unit written after its parent as the company it shortens (华建研究院检测中心总经理), and 相关 as no name', async () => {
    const draft = await draftOf(
      '3月5日，南岭县人民政府与华建科学研究院有限公司、华建检测中心有限公司签署战略合作协议。华建科学研究院有限公司相关负责人出席。\n\n县长王磊，华建研究院副院长赵刚，华建研究院检测中心总经理钱伟出席仪式。',
      '2025-03-07',
    );
    expect(rolesOf(draft)).toEqual([
      '王磊 县长 @南岭县人民政府',
      '赵刚 副院长 @华建科学研究院有限公司',
      '钱伟 总经理 @华建检测中心有限公司',
    ]);
  });
});

describe('an agreement named by its ceremony (issue 14, fifth round)', () => {
  it('drafts A与B、C举行战略合作签约仪式 as a 战略合作协议 of the three, each signer for the body before their title', async () => {
    const draft = await draftOf(
      '2月15日，华建集团与建研地基、检测中心举行战略合作签约仪式，华建集团董事长郑文海，建研地基董事长许立平，检测中心总经理冯志刚出席签约仪式并代表各方签署协议。',
      '2024-02-16',
    );
    const [agreement, ...more] = agreementsOf(draft);
    expect(more).toEqual([]);
    expect(agreement?.record.name).toBe('战略合作协议');
    expect(agreement?.record.signedOn).toBe('--02-15');
    expect(partiesOf(draft)[0]).toEqual(['华建集团', '建研地基', '检测中心']);
    expect(rolesOf(draft)).toEqual([
      '冯志刚 总经理 @检测中心',
      '许立平 董事长 @建研地基',
      '郑文海 董事长 @华建集团',
    ]);
    expect(signatoriesOf(draft)).toEqual([
      '冯志刚 for 检测中心',
      '许立平 for 建研地基',
      '郑文海 for 华建集团',
    ]);
  });

  it('drafts a city and a company named with its city (东莞恒达集团) as the parties of the ceremony', async () => {
    const draft = await draftOf(
      '6月22日下午，第三届湾区产业对接会期间，临川市与东莞恒达集团在临川市青石镇举行战略合作签约仪式。',
      '2024-06-23',
    );
    const agreements = agreementsOf(draft);
    expect(agreements.map((a) => a.record.name)).toEqual(['战略合作协议']);
    expect(partiesOf(draft)[0]).toEqual(['临川市', '东莞恒达集团']);
  });
});

describe('a run of quoted agreement titles with a count (issue 14, fifth round)', () => {
  it('drafts each quoted title as an agreement of the pair, dated like the event, and no generic one', async () => {
    const draft = await draftOf(
      '9月3日，东阳市人民政府与西岭市人民政府举行合作交流座谈会。当天，东阳市人民政府与西岭市人民政府还签订了“关于深化两地干部交流的工作协议”“合作共建东西科创园区协议”“东西协同发展基金”3个政府间合作协议。',
      '2024-09-04',
    );
    const agreements = agreementsOf(draft);
    expect(agreements.map((a) => a.record.name)).toEqual([
      '关于深化两地干部交流的工作协议',
      '合作共建东西科创园区协议',
      '东西协同发展基金',
    ]);
    expect(partiesOf(draft)).toEqual(agreements.map(() => ['东阳市人民政府', '西岭市人民政府']));
    expect(agreements.map((a) => a.record.signedOn)).toEqual(['--09-03', '--09-03', '--09-03']);
  });

  it('drafts none of them when the count differs from the titles quoted', async () => {
    const draft = await draftOf(
      '当天，东阳市人民政府与西岭市人民政府还签订了“关于深化两地干部交流的工作协议”“东西协同发展基金”3个政府间合作协议。',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).not.toContain('东西协同发展基金');
  });
});

describe('the subject by its short form, agreements listed after 包括 (issue 14, fifth round)', () => {
  it('makes 港嶺大 (香港北嶺大學) a party of each agreement signed with the bodies after 與', async () => {
    const draft = await draftOf(
      '香港北嶺大學校長陳志明上月率領代表團赴北京訪問。\n\n港嶺大亦與不同夥伴機構簽署了3項合作協議，包括與故宮博物院簽署合作意向書及“嶺南文物特展”展覽協議；與北京市文物局、國家（北京）文化遺產學院簽署合作交流備忘錄等。',
    );
    expect(agreementsOf(draft).map((a) => [a.record.name, a.record.kind])).toEqual([
      ['合作意向書', 'letter-of-intent'],
      ['嶺南文物特展展覽協議', 'other'],
      ['合作交流備忘錄', 'memorandum-of-understanding'],
    ]);
    expect(partiesOf(draft)).toEqual([
      ['香港北嶺大學', '故宮博物院'],
      ['香港北嶺大學', '故宮博物院'],
      ['香港北嶺大學', '北京市文物局', '國家（北京）文化遺產學院'],
    ]);
  });
});

describe('a month told relative to a dateline (issue 14, fifth round)', () => {
  it('dates 上月28至30日 under a dateline of 7月2日 on a page of 2023-07-02 as 2023-06, not the publication day', async () => {
    const draft = await draftOf(
      '2023-07-02 09:30 香港新聞網7月2日電 香港北嶺大學校長陳志明在上月28至30日率領代表團赴北京訪問。訪問期間，香港北嶺大學與故宮博物院簽署合作意向書。',
      '2023-07-02',
    );
    expect(agreementsOf(draft).map((a) => a.record.signedOn)).toEqual(['2023-06']);
    expect(
      draft.records.filter((r) => r.record.type === 'event').map((r) => r.record.date),
    ).toEqual(['2023-06', '2023-06']);
    expect(findDates('香港新闻网1月3日电 上月30日', '2024-01-03').map((d) => d.date)).toEqual([
      '2023-12-30',
    ]);
    // No dateline of the page's month: 上月 is not read.
    expect(findDates('上月30日', '2024-01-03')).toEqual([]);
  });
});

describe('集团 naming the group the page is about (issue 14, fifth round)', () => {
  it('gives 集团党委书记、董事长 to the group named first, each title apart, and the visitors’ titles to their own group', async () => {
    const draft = await draftOf(
      '东岭集团与华信集团举行战略合作签约仪式\n\n3月8日，东岭集团与华信集团举行战略合作签约仪式。华信集团党委书记、董事长王建军一行到访。集团党委书记、董事长郑文海，集团党委委员、总工程师、董事会秘书刘志强出席。',
      '2024-03-09',
    );
    expect(rolesOf(draft)).toEqual([
      '刘志强 党委委员 @东岭集团',
      '刘志强 总工程师 @东岭集团',
      '刘志强 董事会秘书 @东岭集团',
      '王建军 党委书记 @华信集团',
      '王建军 董事长 @华信集团',
      '郑文海 党委书记 @东岭集团',
      '郑文海 董事长 @东岭集团',
    ]);
  });
});

describe('bodies a delegation visited (issue 14, fifth round)', () => {
  it('drafts each body listed after 拜會了…機構，包括 as an organisation, a party of nothing', async () => {
    const draft = await draftOf(
      '香港北嶺大學校長陳志明上月率領代表團赴北京訪問，拜會了3個中央部委和機構，包括國家自然科學基金委員會、國家教育部、中國科學院等。',
    );
    const names = draft.records
      .filter((r) => r.record.type === 'organisation')
      .map((r) => r.record.name);
    expect(names).toEqual(
      expect.arrayContaining(['國家教育部', '中國科學院', '國家自然科學基金委員會']),
    );
    expect(agreementsOf(draft)).toEqual([]);
  });
});

describe('a one-character county’s government named in the headline (issue 14)', () => {
  it('gives 县长 and 副县长 to 磁县人民政府 the headline names, not to a 磁县政府 made from 县委、县政府', async () => {
    const draft = await draftOf(
      '我校与磁县人民政府签署战略合作协议\n\n11月3日上午，我校与磁县人民政府战略合作签约仪式在图书馆第一会议室举行。磁县县委副书记、县长赵立新，副县长钱小红，我校党委副书记、校长孙立出席。\n\n孙立对赵立新县长一行表示欢迎，对磁县县委、县政府长期以来的支持表示感谢。',
      '2021-11-04',
    );
    expect(rolesOf(draft)).toContain('赵立新 县长 @磁县人民政府');
    expect(rolesOf(draft)).toContain('钱小红 副县长 @磁县人民政府');
    expect(idOf(draft, '磁县政府')).toBeUndefined();
  });
});

describe('agreement kinds (issue 14, sixth round)', () => {
  it('reads a joint or exchange programme without 合作 as a cooperation agreement', async () => {
    const draft = await draftOf(
      '4月10日，东湖大学与西岭师范学院签署研究生联合培养协议。',
      '2024-04-11',
    );
    expect(agreementsOf(draft).map((a) => [a.record.name, a.record.kind])).toEqual([
      ['研究生联合培养协议', 'cooperation-agreement'],
    ]);
    const english = await draftOf(
      'On 5 May 2024, Northfield University and Lakeside College signed a Student Exchange Agreement.',
    );
    expect(agreementsOf(english).map((a) => a.record.kind)).toEqual(['cooperation-agreement']);
    // An exhibition agreement is still of no kind the labels name.
    const exhibition = await draftOf('4月10日，东湖博物馆与西岭美术馆签署展览协议。');
    expect(agreementsOf(exhibition).map((a) => a.record.kind)).toEqual(['other']);
  });

  it('gives each quoted title of a counted run the kind of the count', async () => {
    const draft = await draftOf(
      '当天，南川市人民政府与北岭市人民政府签订了“关于互派挂职干部的工作协议”“南北产业园区建设协议”“南北协作发展基金”3个政府间合作协议。',
    );
    expect(agreementsOf(draft).map((a) => a.record.kind)).toEqual([
      'cooperation-agreement',
      'cooperation-agreement',
      'cooperation-agreement',
    ]);
  });

  it('gives the one agreement of an article the more specific kind a later 此次…的签署 names', async () => {
    const text = (later: string) =>
      `南湖大学与青石集团签署合作协议\n\n5月6日，南湖大学与青石集团签署合作协议。青石集团董事长赵明、南湖大学校长孙立出席。孙立表示，${later}的签署标志着校企合作进入新阶段。`;
    const one = await draftOf(text('此次战略合作协议'), '2024-05-07');
    expect(agreementsOf(one).map((a) => [a.record.name, a.record.kind])).toEqual([
      ['合作协议', 'strategic-cooperation-agreement'],
    ]);
    // A less specific kind later does not lower it, nor does an unrelated one change it.
    const memo = await draftOf(text('此次备忘录'), '2024-05-07');
    expect(agreementsOf(memo).map((a) => a.record.kind)).toEqual(['cooperation-agreement']);
  });
});

describe('a signatory after a compound title, for a government (issue 14, sixth round)', () => {
  it('signs 常务副县长X代表A县人民政府与B集团第四工程有限公司董事长Y进行了现场签约 for the county, Y listed (the subsidiary is no party)', async () => {
    const draft = await draftOf(
      '临河县人民政府与华建集团有限公司合作框架协议签约仪式举行\n\n3月12日上午，临河县人民政府与华建集团有限公司合作框架协议签约仪式在县行政中心举行。县委书记王立新，华建集团有限公司副总经理孙浩出席仪式。\n\n最后，在大家的见证下，县委常委、常务副县长赵春明代表临河县人民政府与华建集团第四工程有限公司董事长钱立军进行了现场签约。',
      '2024-03-13',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).toEqual(['合作框架协议']);
    expect(partiesOf(draft)).toEqual([['临河县人民政府', '华建集团有限公司']]);
    expect(signatoriesOf(draft)).toEqual(['赵春明 for 临河县人民政府']);
    expect(rolesOf(draft)).toEqual(
      expect.arrayContaining([
        '赵春明 县委常委 @临河县委',
        '赵春明 常务副县长 @临河县人民政府',
        '钱立军 董事长 @华建集团第四工程有限公司',
      ]),
    );
    expect(draft.unplaced).toContainEqual(
      expect.objectContaining({ reason: 'signatory-side-unclear', text: '钱立军' }),
    );
  });
});

describe('the subject across clauses (issue 14, sixth round)', () => {
  it('makes the body heading the sentence a party of a later clause’s 與B、C簽訂, an alliance it founds being an object', async () => {
    const draft = await draftOf(
      '南嶺大學在教育部高教深耕計畫的支持下，成立南嶺五校聯盟，27日與東岳大學、西川大學、北辰大學、中興科技大學簽訂合作意向書。',
      '2024-05-28',
    );
    expect(agreementsOf(draft).map((a) => [a.record.name, a.record.kind])).toEqual([
      ['合作意向書', 'letter-of-intent'],
    ]);
    expect(partiesOf(draft)).toEqual([
      ['南嶺大學', '東岳大學', '西川大學', '北辰大學', '中興科技大學'],
    ]);
  });

  it('takes no subject across a clause that opens with a body of its own', async () => {
    const draft = await draftOf(
      '南嶺大學在教育部計畫的支持下，西川大學隨即加入，27日與北辰大學簽訂合作意向書。',
    );
    expect(partiesOf(draft).flat()).not.toContain('南嶺大學');
  });
});

describe('a city named with its corps division at a ceremony with a group (issue 14, sixth round)', () => {
  it('drafts 七师临川市与东莞恒达集团…举行战略合作签约仪式 as their strategic agreement, the city its government', async () => {
    const draft = await draftOf(
      '东莞市与七师临川市签署合作协议\n\n6月21日，东莞市人民政府与七师临川市人民政府签订了“关于互派干部的工作协议”“临川产业园区共建协议”“东临协作发展基金”3个政府间合作协议。\n\n6月22日下午，在南海省党政代表团赴兵团考察对口支援工作期间，七师临川市与东莞恒达集团在七师临川市青石镇举行战略合作签约仪式。',
      '2024-06-23',
    );
    expect(
      agreementsOf(draft).map((a) => [a.record.name, a.record.kind, a.record.signedOn]),
    ).toEqual([
      ['关于互派干部的工作协议', 'cooperation-agreement', '--06-21'],
      ['临川产业园区共建协议', 'cooperation-agreement', '--06-21'],
      ['东临协作发展基金', 'cooperation-agreement', '--06-21'],
      ['战略合作协议', 'strategic-cooperation-agreement', '--06-22'],
    ]);
    expect(partiesOf(draft).at(-1)).toEqual(['七师临川市人民政府', '东莞恒达集团']);
    // Named alone, the city is a government of that name, and 七师 no division of its own.
    const alone = await draftOf(
      '6月22日下午，七师临川市与东莞恒达集团在七师临川市青石镇举行战略合作签约仪式。',
    );
    expect(partiesOf(alone)).toEqual([['七师临川市', '东莞恒达集团']]);
    expect(idOf(alone, '七师')).toBeUndefined();
  });

  it('reads the ceremony after a delegation’s clause without a comma (代表团 represents nobody) and after 举行了', async () => {
    for (const text of [
      '6月22日下午，在南海省党政代表团赴兵团考察期间七师临川市与东莞恒达集团在七师临川市青石镇举行战略合作签约仪式。',
      '南海省党政代表团赴兵团考察期间，七师临川市与东莞恒达集团在七师临川市青石镇举行了战略合作签约仪式。',
    ]) {
      const draft = await draftOf(text);
      expect(agreementsOf(draft).map((a) => a.record.name)).toEqual(['战略合作协议']);
      expect(partiesOf(draft)).toEqual([['七师临川市', '东莞恒达集团']]);
    }
  });

  it('reads a division city whose own name is one character (九师岚市, the short form of a longer name)', async () => {
    const draft = await draftOf(
      '6月22日下午，在南海省党政代表团赴兵团考察期间，九师岚市与东莞恒达集团在九师岚市青石镇举行战略合作签约仪式。',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).toEqual(['战略合作协议']);
    expect(partiesOf(draft)).toEqual([['九师岚市', '东莞恒达集团']]);
    expect(idOf(draft, '九师')).toBeUndefined();
  });
});

describe('one signing told twice under two names (issue 14, sixth round)', () => {
  it('merges a summary’s 智慧商圈战略合作协议 into the 战略合作框架协议 the same parties signed, its name an alias', async () => {
    const draft = await draftOf(
      '2022年,临江区商务委协调推动临江区政府与东岭集团签署智慧商圈战略合作协议,促进项目落地。5月8日,临江区政府与东岭集团有限公司签署战略合作框架协议。区委书记陈刚,东岭集团董事长周海等出席并共同见证签约仪式。区委常委、副区长王强代表区政府与东岭集团副总裁李明签署协议。',
      '2022-05-09',
    );
    const agreements = agreementsOf(draft);
    expect(agreements.map((a) => [a.record.name, a.record.aliases])).toEqual([
      ['战略合作框架协议', ['智慧商圈战略合作协议']],
    ]);
    expect(signatoriesOf(draft)).toEqual(['李明 for 东岭集团有限公司', '王强 for 临江区政府']);
  });

  it('keeps two signings of the same parties apart when each names its signatories, or their kinds differ', async () => {
    const twice = await draftOf(
      '3月2日,南湖大学与青石集团签署人才培养合作协议,南湖大学副校长李芳与青石集团副总经理钱亮代表双方签约。5月8日,南湖大学与青石集团签署科研战略合作协议,南湖大学校长孙立与青石集团董事长赵明代表双方签约。',
    );
    expect(agreementsOf(twice).map((a) => a.record.name)).toEqual([
      '人才培养合作协议',
      '科研战略合作协议',
    ]);
    const memo = await draftOf(
      '3月2日,南湖大学与青石集团签署合作备忘录。5月8日,南湖大学与青石集团签署战略合作协议。',
    );
    expect(agreementsOf(memo).map((a) => a.record.name)).toEqual(['合作备忘录', '战略合作协议']);
    const before = await draftOf(
      '13日,南湖大学与青石集团正式签署合作协议。三年前,南湖大学与青石集团签署合作框架协议。',
    );
    expect(agreementsOf(before).map((a) => a.record.name)).toEqual(['合作协议', '合作框架协议']);
  });
});

describe('a signing with no title between named bodies (issue 14, sixth round)', () => {
  it('drafts 此前,X还与Y签约 as an agreement titled 协议 between them, undated, beside the one the article is about', async () => {
    const draft = await draftOf(
      '8月4日下午,东湖大学与临川市人民政府合作办学签约仪式在临川市举行。在校长孙立的见证下,副校长李芳与副市长钱亮代表双方签署合作协议。\n\n孙立对东湖大学校友会的支持表示感谢。此前,东湖教育发展有限公司还与南岭县政府签约,托管南岭县第二中学。',
      '2025-08-06',
    );
    expect(
      agreementsOf(draft).map((a) => [a.record.name, a.record.kind, a.record.signedOn ?? null]),
    ).toEqual([
      ['合作协议', 'cooperation-agreement', '--08-04'],
      ['协议', 'other', null],
    ]);
    expect(partiesOf(draft)).toEqual([
      ['东湖大学', '临川市人民政府'],
      ['东湖教育发展有限公司', '南岭县政府'],
    ]);
    // A name before 对 is no part of the body after it.
    expect(idOf(draft, '孙立对东湖大学')).toBeUndefined();
  });

  it('drafts no 协议 for a 签约 the article names elsewhere, nor for a ceremony', async () => {
    const draft = await draftOf(
      '5月6日,南湖大学与青石集团签约。根据南湖大学与青石集团签署的人才培养合作协议,双方将共建实验室。',
    );
    expect(agreementsOf(draft).map((a) => a.record.name)).not.toContain('协议');
  });
});

describe('a government signing severally with companies it does not name there (issue 14, sixth round)', () => {
  const article = (later: string) =>
    `临河县举行招商引资项目集中签约仪式\n发布时间:2024-03-15 10:20\n\n3月12日,临河县招商引资项目集中签约仪式在县会议中心举行。县委书记王立新出席。\n\n签约仪式上,县委常委、常务副县长赵春明代表县人民政府分别与企业代表签订合作协议。\n\n${later}`;

  it('drafts the 合作协议 with each company the page calls a signing one, the official for the county', async () => {
    const draft = await draftOf(
      article('签约企业代表南海青石新材料有限公司总经理钱立军作了发言。'),
      '2024-03-15',
    );
    expect(agreementsOf(draft).map((a) => [a.record.name, a.record.signedOn])).toEqual([
      ['合作协议', '2024-03-12'],
    ]);
    expect(partiesOf(draft)).toEqual([['临河县人民政府', '南海青石新材料有限公司']]);
    expect(signatoriesOf(draft)).toEqual(['赵春明 for 临河县人民政府']);
  });

  it('drafts no agreement when the page names no signing company', async () => {
    const draft = await draftOf(article('本次集中签约项目4个。'), '2024-03-15');
    expect(agreementsOf(draft)).toEqual([]);
  });
});
