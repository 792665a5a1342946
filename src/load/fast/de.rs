//! The fast `serde::Deserializer` over RON text, for the part of RON the atlas is written in:
//! structs (`Name(field: v)` or `(field: v)`), tuples, lists, enums (unit, newtype, tuple and
//! struct variants), `Some(x)`/`None`, strings, decimal numbers and booleans. Every other
//! request (maps, `deserialize_any`, ignored fields, units, characters, bytes) is refused, so
//! the full parser reads such input instead.
//!
//! It nests no deeper than `ron` would allow: every place where `ron` spends one level of its
//! recursion limit spends one here too (see [`Deserializer::nest`]), against a smaller budget.

use super::access::{Fields, Items, Variant};
use super::cursor::Cursor;
use super::error::Reject;
use serde::de::{self, Visitor};
use std::borrow::Cow;

/// How many of `ron`'s recursion levels the fast path spends at most. `ron` is given
/// `MAX_NESTING` (64); staying well below it leaves room for any level counted differently.
/// The atlas's deepest value needs about 14.
const MAX_LEVELS: usize = 40;

pub struct Deserializer<'de> {
    pub(super) cur: Cursor<'de>,
    levels: usize,
}

impl<'de> Deserializer<'de> {
    pub fn new(text: &'de str) -> Self {
        Self {
            cur: Cursor::new(text),
            levels: 0,
        }
    }

    /// Runs `f` one recursion level deeper, as `ron`'s `guard_recursion!` does.
    pub(super) fn nest<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, Reject>,
    ) -> Result<T, Reject> {
        if self.levels >= MAX_LEVELS {
            return Err(Reject);
        }
        self.levels += 1;
        let result = f(self);
        self.levels -= 1;
        result
    }

    /// `(a, b, ...)`.
    pub(super) fn tuple<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Reject> {
        self.cur.open(b'(')?;
        self.cur.skip_trivia()?;
        let value = self.nest(|de| visitor.visit_seq(Items::new(de, b')')))?;
        self.cur.skip_trivia()?;
        self.cur.close(b')')?;
        Ok(value)
    }

    /// `(field: value, ...)`, after any struct name.
    pub(super) fn struct_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Reject> {
        self.cur.open(b'(')?;
        self.cur.skip_trivia()?;
        let value = self.nest(|de| visitor.visit_map(Fields::new(de)))?;
        self.cur.skip_trivia()?;
        self.cur.close(b')')?;
        Ok(value)
    }

    fn float(&mut self) -> Result<&'de str, Reject> {
        self.cur.number(false)
    }
}

macro_rules! integer {
    ($($method:ident $visit:ident $ty:ty, $wide:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
            let text = self.cur.number(true)?;
            let wide: $wide = text.parse().map_err(|_| Reject)?;
            visitor.$visit(<$ty>::try_from(wide).map_err(|_| Reject)?)
        }
    )*};
}

macro_rules! refuse {
    ($($method:ident($($arg:ty),*);)*) => {$(
        fn $method<V: Visitor<'de>>(self, $(_: $arg,)* _visitor: V) -> Result<V::Value, Reject> {
            Err(Reject)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Reject;

    integer! {
        deserialize_i8 visit_i8 i8, i64;
        deserialize_i16 visit_i16 i16, i64;
        deserialize_i32 visit_i32 i32, i64;
        deserialize_i64 visit_i64 i64, i64;
        deserialize_u8 visit_u8 u8, u64;
        deserialize_u16 visit_u16 u16, u64;
        deserialize_u32 visit_u32 u32, u64;
        deserialize_u64 visit_u64 u64, u64;
    }

    refuse! {
        deserialize_any();
        deserialize_ignored_any();
        deserialize_char();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_map();
        deserialize_unit_struct(&'static str);
        deserialize_newtype_struct(&'static str);
        deserialize_tuple_struct(&'static str, usize);
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        match self.cur.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Reject),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        visitor.visit_f32(super::number::to_f32(self.float()?).ok_or(Reject)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        visitor.visit_f64(self.float()?.parse().map_err(|_| Reject)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        match self.cur.string()? {
            Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        visitor.visit_borrowed_str(self.cur.ident()?)
    }

    /// `None` or `Some(value)`; a bare value is not an option in RON.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        match self.cur.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.cur.skip_trivia()?;
                self.cur.open(b'(')?;
                self.cur.skip_trivia()?;
                let value = self.nest(|de| visitor.visit_some(de))?;
                self.cur.comma()?;
                self.cur.close(b')')?;
                Ok(value)
            }
            _ => Err(Reject),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Reject> {
        self.cur.open(b'[')?;
        self.cur.skip_trivia()?;
        let value = self.nest(|de| visitor.visit_seq(Items::new(de, b']')))?;
        self.cur.skip_trivia()?;
        self.cur.close(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Reject> {
        self.tuple(visitor)
    }

    /// `Name(field: value, ...)` or `(field: value, ...)`; a name must be the struct's own.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Reject> {
        // `ron` reads structs named like the standard ranges in their own way.
        if name.starts_with("Range") {
            return Err(Reject);
        }
        if self.cur.at_ident() {
            if self.cur.ident()? != name {
                return Err(Reject);
            }
            self.cur.skip_trivia()?;
        }
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Reject> {
        self.nest(|de| visitor.visit_enum(Variant::new(de)))
    }
}
