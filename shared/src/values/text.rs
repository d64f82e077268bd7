//! Text taken from outside: the one shape check of ids and codes, and the macros that make a
//! text newtype parse wherever it is read.

/// Whether `raw` is 1 to `max` bytes, each an ASCII letter, a digit or one of `also`: the
/// shape of every id and code we take from outside.
pub fn is_word(raw: &str, max: usize, also: &[u8]) -> bool {
    (1..=max).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || also.contains(&b))
}

/// Whether `raw` is 1 to `max` lowercase ASCII letters, digits and '-' (operator and FAQ ids).
pub fn is_slug(raw: &str, max: usize) -> bool {
    is_word(raw, max, b"-") && !raw.bytes().any(|b| b.is_ascii_uppercase())
}

/// For a text newtype `struct T(String)` that has `fn parse(&str) -> Result<Self, Invalid>`:
/// `as_str`, `Display`, and the two conversions `#[serde(try_from = "String", into =
/// "String")]` needs, so that it is parsed wherever it is read.
#[macro_export]
macro_rules! parsed_text {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::convert::TryFrom<String> for $name {
            type Error = $crate::values::Invalid;
            fn try_from(raw: String) -> Result<Self, Self::Error> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

/// A text newtype of 1 to `$max` letters, digits, '-', '_', '.' or ':' (an id a caller chooses),
/// parsed wherever it is read.
#[macro_export]
macro_rules! token_type {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, $crate::values::Invalid> {
                if $crate::values::is_word(raw, $max, b"-_.:") {
                    Ok(Self(raw.to_owned()))
                } else {
                    Err($crate::values::Invalid::new(
                        $field,
                        concat!("must be 1 to ", $max, " letters, digits, '-', '_', '.' or ':'"),
                    ))
                }
            }
        }

        $crate::parsed_text!($name);
    };
}
