//! A synthetic registry for benchmarks: N authorities × M items with
//! realistic shapes and K adjustments per authority, deterministic from a
//! seed.
//!
//! ```sh
//! cargo run --release --example synth -- OUT_DIR AUTHORITIES ITEMS ADJUSTMENTS [SEED]
//! ```
//!
//! Each authority's history is built with the library's own `State::apply`,
//! so every entry is valid; the list files are the replayed head, and the
//! change log is hash-chained as `quanze apply` would write it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use quanze::{
    Agreement, AgreementItem, Date, Entry, HashAlg, Id, Item, ItemsFile, Op, Stage, State, Status,
    SubItem,
};

/// splitmix64: a small, good, deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const OBJECTS: &[&str] = &[
    "民用爆炸物品",
    "无线电台(站)",
    "成品油零售经营企业",
    "电力设施",
    "监控化学品",
    "石油天然气管道",
    "重点用能单位",
    "电动汽车充电基础设施",
    "工业企业技术改造项目",
    "中小企业公共服务平台",
    "工业设计中心",
    "无线电频率",
    "供电企业",
    "清洁生产审核",
    "专项资金项目",
    "业余无线电台",
    "化工园区",
    "工业互联网平台",
    "软件企业",
    "新型储能项目",
];
const LICENCES: &[&str] = &[
    "销售许可",
    "经营许可",
    "设置、使用许可",
    "安全生产许可",
    "建设审批",
    "资格审批",
    "设立审批",
    "备案核准",
];
const VIOLATIONS: &[&str] = &[
    "未经许可擅自经营",
    "违反安全管理规定",
    "未按规定报送数据",
    "拒绝、阻碍监督检查",
    "超出许可范围",
    "擅自转让",
    "未按规定备案",
    "产生有害干扰",
];
const LAWS: &[(&str, &str, &str)] = &[
    (
        "民用爆炸物品安全管理条例",
        "administrative-regulation",
        "国务院令第466号",
    ),
    (
        "中华人民共和国无线电管理条例",
        "administrative-regulation",
        "国务院、中央军委令第672号",
    ),
    (
        "监控化学品管理条例",
        "administrative-regulation",
        "国务院令第190号",
    ),
    ("中华人民共和国电力法", "law", "主席令第60号"),
    (
        "电力设施保护条例",
        "administrative-regulation",
        "国务院令第239号",
    ),
    ("中华人民共和国石油天然气管道保护法", "law", "主席令第30号"),
    ("中华人民共和国节约能源法", "law", "主席令第16号"),
    ("中华人民共和国清洁生产促进法", "law", "主席令第72号"),
];
const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const SUBS: &[&str] = &["核发", "变更", "延续", "注销", "补证", "新设", "迁移"];
const CATEGORIES: &[(&str, &str, usize)] = &[
    ("licensing", "XK", 15),
    ("penalty", "CF", 45),
    ("coercion", "QZ", 3),
    ("levy", "ZS", 2),
    ("inspection", "JC", 20),
    ("confirmation", "QR", 3),
    ("award", "JL", 2),
    ("other", "QT", 10),
];

fn article(rng: &mut Rng) -> String {
    let n = 1 + rng.below(89);
    let tens = n / 10;
    let ones = n % 10;
    let mut s = String::from("第");
    if tens > 1 {
        s.push_str(NUMERALS[tens - 1]);
    }
    if tens > 0 {
        s.push('十');
    }
    if ones > 0 {
        s.push_str(NUMERALS[ones - 1]);
    }
    s.push('条');
    s
}

struct Gen {
    rng: Rng,
    next: usize,
    prefix: String,
}

impl Gen {
    fn fresh(&mut self) -> usize {
        self.next += 1;
        self.next
    }

    fn item(&mut self, date: Date, source: &str) -> Item {
        let n = self.fresh();
        let roll = self.rng.below(100);
        let mut acc = 0;
        let (cat, letters) = CATEGORIES
            .iter()
            .find(|(_, _, w)| {
                acc += w;
                roll < acc
            })
            .map(|(c, l, _)| (*c, *l))
            .unwrap_or(("other", "QT"));
        let object = self.rng.pick(OBJECTS);
        let name = match cat {
            "licensing" => format!("{object}{}", self.rng.pick(LICENCES)),
            "penalty" => format!("对{object}{}行为的处罚", self.rng.pick(VIOLATIONS)),
            "inspection" => format!("对{object}的监督检查"),
            "levy" => format!("{object}相关费用征收"),
            _ => format!("{object}认定与管理"),
        };
        let mut text = format!(
            "id = \"{p}-{n}\"\ncode = \"{letters}-{p}-{n:05}\"\nname = \"{name}\"\ncategory = \"{cat}\"\neffective = \"{date}\"\nsource = \"{source}\"\nbody = \"{p}工业和信息化局\"\nunit = \"综合法规处\"\naccountability = [\"不依法履行职责或者不在规定时限内办理的\", \"滥用职权、玩忽职守、徇私舞弊的\"]\n",
            p = self.prefix
        );
        if source != "own" {
            text.push_str("grantor = \"province\"\n");
        }
        if source == "devolved" {
            text.push_str("source_documents = [\"省府令第1号\"]\n");
        }
        let mut item: Item = toml::from_str(&text).unwrap();
        for _ in 0..(1 + self.rng.below(2)) {
            let k = self.rng.below(LAWS.len());
            let (title, level, number) = LAWS[k];
            let basis = format!(
                "title = \"{title}\"\nlaw = \"law-{k}\"\nlevel = \"{level}\"\nnumber = \"{number}\"\narticle = \"{}\"\n",
                article(&mut self.rng)
            );
            item.basis.push(toml::from_str(&basis).unwrap());
        }
        for stage in ["受理", "审查", "决定", "送达"] {
            item.responsibility.push(quanze::Responsibility {
                stage: stage.into(),
                duty: format!("依法{stage}{name}相关事项,按规定时限办结并公开结果。"),
                basis: Vec::new(),
                risks: Vec::new(),
            });
        }
        self.details(&mut item, cat);
        let subs = if cat == "licensing" {
            self.rng.below(7)
        } else {
            usize::from(self.rng.below(10) == 0) * 3
        };
        for j in 0..subs {
            let sub_name = SUBS[j % SUBS.len()];
            let legal = 10 + 5 * self.rng.below(5) as u32;
            let sub = SubItem {
                code: format!("{}-{:02}", item.code, j + 1).parse().unwrap(),
                name: sub_name.into(),
                status: Status::InForce,
                effective: None,
                ended: None,
                implementation: (cat == "licensing").then(|| imp(legal, self.rng.below(3) == 0)),
                remarks: None,
                implementation_code: None,
                cases: Vec::new(),
                former_codes: Vec::new(),
                code_assigned: false,
            };
            item.sub.push(sub);
        }
        if cat == "licensing" && item.sub.is_empty() {
            item.implementation = Some(imp(20, self.rng.below(2) == 0));
        }
        item
    }
}

impl Gen {
    /// The class-specific elements: a penalty's provision (and, for one in
    /// four, a three-tier discretion benchmark), an inspection's
    /// random-inspection entry.
    fn details(&mut self, item: &mut Item, cat: &str) {
        let basis = item
            .basis
            .first()
            .map(|b| format!("《{}》{}", b.title, b.article.as_deref().unwrap_or("")))
            .unwrap_or_default();
        match cat {
            "penalty" => {
                let benchmark = if self.rng.below(4) == 0 {
                    ["轻微", "一般", "严重"]
                        .iter()
                        .zip([
                            "一万元以下罚款",
                            "一万元以上五万元以下罚款",
                            "五万元以上十万元以下罚款",
                        ])
                        .map(|(tier, sanction)| quanze::BenchmarkTier {
                            tier: (*tier).into(),
                            circumstances: format!("违法情节{tier},危害后果与之相当"),
                            sanction: sanction.into(),
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                item.penalty = Some(Box::new(quanze::PenaltyDetail {
                    provision: vec![basis],
                    benchmark,
                    ..Default::default()
                }));
            }
            "inspection" => {
                item.inspection = Some(Box::new(quanze::InspectionDetail {
                    methods: vec!["现场检查".into()],
                    random: vec![quanze::RandomInspection {
                        matter: format!("{}情况检查", item.name),
                        basis: Some(basis),
                        objects: "辖区内相关单位".into(),
                        ratio: "5%".into(),
                        cycle: "每年1次".into(),
                        method: None,
                    }],
                    ..Default::default()
                }));
            }
            _ => {}
        }
    }
}

fn imp(legal: u32, immediate: bool) -> quanze::Implementation {
    quanze::Implementation {
        legal_days: Some(legal),
        promised_days: Some(if immediate { 0 } else { legal / 2 }),
        handling: Some(if immediate {
            quanze::Handling::Immediate
        } else {
            quanze::Handling::Promised
        }),
        online: Some(true),
        charges: Some("不收费".into()),
        result: Some("批准文件".into()),
        e_licence: Some(true),
        time_unit: None,
    }
}

fn decision(date: Date) -> String {
    format!(
        "\n[[decided_by]]\nnumber = \"市府〔{}〕1号\"\ntitle = \"关于调整权责清单的决定\"\nissuer = \"市人民政府\"\ndate = \"{date}\"\n",
        date.year()
    )
}

fn entry(version: &str, date: Date, ops: Vec<Op>) -> Entry {
    let mut e: Entry = toml::from_str(&format!(
        "version = \"{version}\"\ndate = \"{date}\"\n{}",
        decision(date)
    ))
    .unwrap();
    e.op = ops;
    e
}

/// Operations of one adjustment, touching about 2% of the items, with every kind.
fn adjustment(g: &mut Gen, state: &State, holder: &Id, date: Date, k: usize) -> Vec<Op> {
    let mut trial = state.clone();
    let mut ops = Vec::new();
    // Items in force since before the adjustment (an item cannot end on the
    // day it takes effect).
    let live = |s: &State| -> Vec<String> {
        s.items
            .iter()
            .filter(|i| i.status == Status::InForce && i.effective < date)
            .map(|i| i.code.to_string())
            .collect()
    };
    let touch = (state.items.len() / 50).max(1);
    let kinds = [
        "cancel",
        "modify",
        "merge",
        "split",
        "recode",
        "reclassify",
        "devolve-out",
        "suspend",
        "sub-add",
        "sub-remove",
        "sub-modify",
        "add",
        "receive-devolved",
        "receive-entrusted",
        "withdraw",
        "resume",
    ];
    for t in 0..touch {
        let kind = kinds[(t + k) % kinds.len()];
        let codes = live(&trial);
        if codes.is_empty() {
            break;
        }
        let pick = |g: &mut Gen| codes[g.rng.below(codes.len())].parse().unwrap();
        let op =
            match kind {
                "cancel" => Op::Cancel { code: pick(g) },
                "devolve-out" => Op::DevolveOut { code: pick(g) },
                "suspend" => Op::Suspend { code: pick(g) },
                "resume" => match trial.items.iter().find(|i| i.status == Status::Suspended) {
                    Some(i) => Op::Resume {
                        code: i.code.clone(),
                    },
                    None => continue,
                },
                "withdraw" => match trial.items.iter().find(|i| {
                    i.status == Status::InForce && i.grantor.is_some() && i.effective < date
                }) {
                    Some(i) => Op::Withdraw {
                        code: i.code.clone(),
                    },
                    None => continue,
                },
                "modify" => {
                    let mut set = toml::Table::new();
                    set.insert(
                        "remarks".into(),
                        toml::Value::String(format!("{}年调整", date.year())),
                    );
                    Op::Modify {
                        code: pick(g),
                        set,
                        unset: Vec::new(),
                    }
                }
                "merge" => {
                    let (a, b) = (pick(g), pick(g));
                    if a == b {
                        continue;
                    }
                    Op::Merge {
                        codes: vec![a],
                        into: Some(b),
                        item: None,
                    }
                }
                "split" => Op::Split {
                    code: pick(g),
                    items: vec![g.item(date, "own"), g.item(date, "own")],
                },
                "recode" => {
                    let n = g.fresh();
                    Op::Recode {
                        code: pick(g),
                        to: format!("R-{}-{n:05}", g.prefix).parse().unwrap(),
                        carry_sub_codes: None,
                    }
                }
                "reclassify" => {
                    let code: quanze::Code = pick(g);
                    let item = trial.items.iter().find(|i| i.code == code).unwrap();
                    let category = if item.category == quanze::Category::Other {
                        quanze::Category::Inspection
                    } else {
                        quanze::Category::Other
                    };
                    Op::Reclassify {
                        code,
                        category,
                        to: None,
                    }
                }
                "sub-add" => {
                    let n = g.fresh();
                    let sub = SubItem {
                        code: format!("S-{}-{n:05}", g.prefix).parse().unwrap(),
                        name: "补证".into(),
                        status: Status::InForce,
                        effective: None,
                        ended: None,
                        implementation: Some(imp(20, true)),
                        remarks: None,
                        implementation_code: None,
                        cases: Vec::new(),
                        former_codes: Vec::new(),
                        code_assigned: false,
                    };
                    let code: quanze::Code = pick(g);
                    if trial
                        .items
                        .iter()
                        .any(|i| i.code == code && i.implementation.is_some())
                    {
                        continue;
                    }
                    Op::SubAdd { code, sub }
                }
                "sub-remove" | "sub-modify" => {
                    let Some(i) = trial.items.iter().find(|i| {
                        i.status == Status::InForce
                            && i.effective < date
                            && i.sub.iter().any(|s| !s.status.is_ended())
                            && g.rng.below(4) == 0
                    }) else {
                        continue;
                    };
                    let sub = i
                        .sub
                        .iter()
                        .find(|s| !s.status.is_ended())
                        .unwrap()
                        .code
                        .clone();
                    if kind == "sub-remove" {
                        Op::SubRemove {
                            code: i.code.clone(),
                            sub,
                        }
                    } else {
                        let mut set = toml::Table::new();
                        set.insert("remarks".into(), toml::Value::String("调整办理要求".into()));
                        Op::SubModify {
                            code: i.code.clone(),
                            sub,
                            set,
                            unset: Vec::new(),
                        }
                    }
                }
                "add" => Op::Add {
                    item: std::sync::Arc::new(g.item(date, "own")),
                },
                "receive-devolved" => Op::ReceiveDevolved {
                    item: std::sync::Arc::new(g.item(date, "devolved")),
                },
                "receive-entrusted" => {
                    // A new agreement for the new item (signed first).
                    let item = g.item(date, "entrusted");
                    let agr = agreement(
                        &format!("agr-{}-{k}-{t}", g.prefix),
                        &g.prefix,
                        date,
                        std::slice::from_ref(&item.id),
                    );
                    let sign = Op::AgreementSign {
                        agreement: Box::new(agr.clone()),
                    };
                    trial.apply_op(holder, date, &sign).unwrap();
                    ops.push(sign);
                    Op::ReceiveEntrusted {
                        item: std::sync::Arc::new(item),
                        agreement: agr.id,
                    }
                }
                _ => continue,
            };
        if trial.apply_op(holder, date, &op).is_ok() {
            ops.push(op);
        }
    }
    ops
}

fn agreement(id: &str, prefix: &str, date: Date, items: &[Id]) -> Agreement {
    let mut a: Agreement = toml::from_str(&format!(
        "id = \"{id}\"\ntitle = \"省工业和信息化厅委托{prefix}实施行政职权协议书\"\nentruster = \"province\"\nentrusted = \"{prefix}\"\nsigned = \"{date}\"\nterm_start = \"{date}\"\ndecided_by = [\"省府令第1号\"]\nrights_obligations = [\"以委托机关名义实施,不得再委托。\"]\nitems = []\n"
    ))
    .unwrap();
    a.items = items
        .iter()
        .map(|i| AgreementItem {
            item: i.clone(),
            scope: vec![Stage::Accept, Stage::Review, Stage::Decide],
            full: true,
            remarks: None,
        })
        .collect();
    a
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn authority(root: &Path, n: usize, items: usize, adjustments: usize, seed: u64) {
    let prefix = format!("bureau-{n:04}");
    let holder: Id = prefix.parse().unwrap();
    let mut g = Gen {
        rng: Rng(seed ^ (n as u64).wrapping_mul(0x1234_5678_9ABC)),
        next: 0,
        prefix: prefix.clone(),
    };
    let mut date = Date::new(2019, 12, 31).unwrap();
    // The baseline: most items own, some devolved, some entrusted under one agreement.
    let mut base: Vec<Item> = Vec::with_capacity(items);
    for _ in 0..items {
        let source = match g.rng.below(20) {
            0..=2 => "entrusted",
            3 => "devolved",
            _ => "own",
        };
        base.push(g.item(date, source));
    }
    let entrusted: Vec<Id> = base
        .iter()
        .filter(|i| i.source == quanze::Source::Entrusted)
        .map(|i| i.id.clone())
        .collect();
    let mut ops = vec![Op::AgreementSign {
        agreement: Box::new(agreement(
            &format!("agr-{prefix}"),
            &prefix,
            date,
            &entrusted,
        )),
    }];
    for i in base {
        ops.push(match i.source {
            quanze::Source::Entrusted => Op::ReceiveEntrusted {
                item: std::sync::Arc::new(i),
                agreement: format!("agr-{prefix}").parse().unwrap(),
            },
            quanze::Source::Devolved => Op::ReceiveDevolved {
                item: std::sync::Arc::new(i),
            },
            _ => Op::Add {
                item: std::sync::Arc::new(i),
            },
        });
    }
    let mut entries = vec![entry("1.0.0", date, ops)];
    let mut state = State::default();
    state.apply(&holder, &entries[0]).unwrap();
    for k in 0..adjustments {
        date = date.next_day().unwrap();
        for _ in 0..(30 + g.rng.below(60)) {
            date = date.next_day().unwrap();
        }
        let ops = adjustment(&mut g, &state, &holder, date, k);
        let mut e = entry(&format!("{}.0.0", k + 2), date, ops);
        e.version = format!("{}.0.0", k + 2).parse().unwrap();
        state.apply(&holder, &e).unwrap();
        entries.push(e);
    }
    // The change log, hash-chained.
    let dir = root.join(&prefix);
    let mut previous: Option<String> = None;
    for e in &mut entries {
        e.previous = previous.clone();
        let text = quanze::record::entry_text(e).unwrap();
        previous = Some(HashAlg::Sha256.hash(&quanze::canonical_bytes(&text)));
        write(
            &dir.join("changelog").join(format!("{}.toml", e.version)),
            &text,
        );
    }
    let last = entries.last().unwrap();
    write(
        &dir.join("list.toml"),
        &format!(
            "title = \"{prefix}权责清单\"\nversion = \"{}\"\nhead = \"{}\"\nreconstructed = true\nnote = \"合成数据,用于性能测试。\"\n",
            last.version,
            previous.unwrap()
        ),
    );
    // The head files: items by category, a thousand to a file.
    let mut items: Vec<Item> = state.items.iter().map(|i| (**i).clone()).collect();
    items.sort_by(Item::published_order);
    for (cat, _, _) in CATEGORIES.iter().chain(&[("public-service", "GG", 0)]) {
        let of: Vec<Item> = items
            .iter()
            .filter(|i| i.category.id() == *cat)
            .cloned()
            .collect();
        for (part, chunk) in of.chunks(1000).enumerate() {
            let text = toml::to_string_pretty(&ItemsFile {
                item: chunk.to_vec(),
            })
            .unwrap();
            write(
                &dir.join("items")
                    .join(format!("{cat}-{:03}.toml", part + 1)),
                &text,
            );
        }
    }
    for a in &state.agreements {
        write(
            &dir.join("agreements").join(format!("{}.toml", a.id)),
            &toml::to_string_pretty(a).unwrap(),
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 5 {
        eprintln!("usage: synth OUT_DIR AUTHORITIES ITEMS_PER_AUTHORITY ADJUSTMENTS [SEED]");
        std::process::exit(2);
    }
    let root = Path::new(&args[1]);
    let (n, m, k): (usize, usize, usize) = (
        args[2].parse().unwrap(),
        args[3].parse().unwrap(),
        args[4].parse().unwrap(),
    );
    let seed: u64 = args.get(5).map_or(42, |s| s.parse().unwrap());
    assert!(
        !root.exists() || fs::read_dir(root).unwrap().next().is_none(),
        "{} is not empty",
        root.display()
    );
    let mut auth = String::from(
        "[[authority]]\nid = \"province\"\nname = \"省工业和信息化厅\"\nlevel = \"province\"\nregion = \"440000\"\n",
    );
    for i in 0..n {
        let _ = write!(
            auth,
            "\n[[authority]]\nid = \"bureau-{i:04}\"\nname = \"第{i}工业和信息化局\"\nlevel = \"county\"\nregion = \"440100\"\n"
        );
    }
    write(&root.join("authorities.toml"), &auth);
    write(
        &root.join("documents.toml"),
        "[[document]]\nnumber = \"省府令第1号\"\ntitle = \"关于调整一批行政职权事项的决定\"\nissuer = \"省人民政府\"\ndate = \"2019-06-01\"\n",
    );
    laws(root);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    authority(root, i, m, k, seed);
                }
            });
        }
    });
    eprintln!(
        "wrote {} authorities × {m} items, {k} adjustments each, into {}",
        n,
        root.display()
    );
}

/// `laws/`: the laws the items cite, enacted in a first entry of the laws
/// log and one of them (`law-1`) amended in a second, so that every item
/// citing it has a pending effect.
fn laws(root: &Path) {
    let decision = "\n[[decided_by]]\nnumber = \"省府令第1号\"\ntitle = \"关于调整一批行政职权事项的决定\"\nissuer = \"省人民政府\"\ndate = \"2019-06-01\"\n";
    let mut first = format!("version = \"1.0.0\"\ndate = \"2019-01-01\"\n{decision}");
    for (k, (title, level, number)) in LAWS.iter().enumerate() {
        let _ = write!(
            first,
            "\n[[event]]\nkind = \"enact\"\n\n[event.law]\nid = \"law-{k}\"\ntitle = \"{title}\"\nlevel = \"{level}\"\nissuer = \"国务院\"\nnumber = \"{number}\"\neffective = \"2000-01-01\"\n"
        );
    }
    let hash = |t: &str| HashAlg::Sha256.hash(&quanze::canonical_bytes(t));
    let second = format!(
        "version = \"1.1.0\"\ndate = \"2020-06-01\"\nprevious = \"{}\"\n{decision}\n[[event]]\nkind = \"amend\"\nlaw = \"law-1\"\n",
        hash(&first)
    );
    let entries: Vec<quanze::LawEntry> = [&first, &second]
        .iter()
        .map(|t| toml::from_str(t).unwrap())
        .collect();
    let laws = quanze::history::replay_laws(&entries).unwrap();
    let file = quanze::LawsFile {
        version: Some("1.1.0".parse().unwrap()),
        head: Some(hash(&second)),
        note: None,
        law: laws.last().unwrap().clone(),
    };
    let dir = root.join("laws");
    write(&dir.join("changelog/1.0.0.toml"), &first);
    write(&dir.join("changelog/1.1.0.toml"), &second);
    write(
        &dir.join("laws.toml"),
        &toml::to_string_pretty(&file).unwrap(),
    );
}
