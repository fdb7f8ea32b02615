//! Small helpers of the serde attributes of the model.

/// `skip_serializing_if` for flags that are false by default.
#[allow(clippy::trivially_copy_pass_by_ref)]
pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}
