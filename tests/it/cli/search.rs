//! `acupoint-atlas search QUERY --json`: the window's search as a script sees it, for the ways
//! people ask (codes, pinyin, characters, channels, organs, body words, conditions, slips).

use super::{run, stderr, stdout};
use serde_json::Value;

/// The codes `search --json` prints for `query`, in order, after checking every result has
/// its four fields filled in.
fn codes(query: &str) -> Vec<String> {
    let out = run(&["search", query, "--json"]);
    assert!(out.status.success(), "{query}: {}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = doc["results"].as_array().unwrap();
    for r in results {
        for field in ["code", "name", "where"] {
            assert!(
                r[field].as_str().is_some_and(|s| !s.is_empty()),
                "{query}: {field} in {r}"
            );
        }
        assert!(r["conditions"].is_array(), "{query}: {r}");
    }
    results
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_owned())
        .collect()
}

fn first(query: &str) -> String {
    codes(query).into_iter().next().unwrap_or_default()
}

#[test]
fn search_json_finds_codes_pinyin_characters_and_conditions_as_before() {
    assert_eq!(first("bl 23"), "BL23");
    assert_eq!(first("wei zhong"), "BL40");
    assert_eq!(first("委中"), "BL40");
    assert!(codes("sciatica").contains(&"GB30".to_owned()));
}

#[test]
fn search_json_finds_a_channel_by_name() {
    let found = codes("bladder");
    assert!(found.len() > 10, "{found:?}");
    assert!(found.iter().all(|c| c.starts_with("BL")), "{found:?}");
}

#[test]
fn search_json_finds_body_words_and_organs() {
    let knee = codes("back of knee");
    assert_eq!(&knee[..2], ["BL40", "BL39"], "{knee:?}");
    let ankle = codes("ankle");
    for code in ["KI3", "BL60", "BL62"] {
        assert!(ankle.contains(&code.to_owned()), "{code} in {ankle:?}");
    }
    let kidney = codes("kidney");
    assert!(kidney.contains(&"KI3".to_owned()) && kidney.contains(&"BL23".to_owned()));
}

#[test]
fn search_json_ranks_the_exact_match_first_and_forgives_one_slip() {
    let knee = codes("knee");
    assert_eq!(&knee[..2], ["BL40", "BL39"], "{knee:?}");
    assert_eq!(first("weizhogn"), "BL40");
    assert!(codes("kindey").contains(&"KI3".to_owned()));
    assert!(codes("sciatia").contains(&"GB30".to_owned()));
}

#[test]
fn search_json_says_where_a_point_is_and_which_conditions_use_it() {
    let out = run(&["search", "BL40", "--json"]);
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let bl40 = &doc["results"][0];
    assert_eq!(bl40["code"], "BL40");
    assert!(bl40["where"].as_str().unwrap().contains("behind your knee"));
    let conditions: Vec<&str> = bl40["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(conditions.contains(&"Lower back pain"), "{conditions:?}");
}

#[test]
fn search_with_no_match_says_so_and_exits_one() {
    let out = run(&["search", "zzzzqqq"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("No point matches"));
}
