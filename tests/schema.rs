//! The JSON Schemas committed in `docs/schema/` are the ones the types
//! generate (run `cargo run --features schema -- schema --out docs/schema`
//! after changing the model). `scripts/validate-schemas.py` checks registry
//! files against them with an independent validator.
#![cfg(feature = "schema")]
#![allow(clippy::unwrap_used)]

#[test]
fn committed_schemas_are_current() {
    for (kind, generated) in quanze::schema::all() {
        let path = format!("docs/schema/{kind}.schema.json");
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{path} is stale: run `cargo run --features schema -- schema --out docs/schema`"
        );
    }
}

#[test]
fn schemas_are_json_objects_that_forbid_unknown_keys() {
    for (kind, text) in quanze::schema::all() {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            v["additionalProperties"],
            serde_json::Value::Bool(false),
            "{kind}"
        );
        if kind != "catalogue" {
            assert!(!text.contains("\"null\""), "{kind}: TOML has no null");
        }
    }
}
