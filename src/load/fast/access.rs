//! The serde access types of the fast deserializer: the items of a list or tuple, the fields
//! of a struct, and an enum's variant. Each follows `ron`'s rules for commas (one between
//! items, one more allowed at the end) and for what a variant may be followed by.

use super::de::Deserializer;
use super::error::Reject;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

/// The items of a list (`[...]`) or tuple (`(...)`), up to the closing bracket `close`.
pub struct Items<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    close: u8,
    had_comma: bool,
}

impl<'a, 'de> Items<'a, 'de> {
    pub fn new(de: &'a mut Deserializer<'de>, close: u8) -> Self {
        Self {
            de,
            close,
            had_comma: true,
        }
    }
}

/// Whether another item or field follows: not at the closing bracket, and after a comma.
fn has_more(de: &Deserializer<'_>, close: u8, had_comma: bool) -> Result<bool, Reject> {
    if de.cur.peek() == Some(close) {
        Ok(false)
    } else if had_comma {
        Ok(true)
    } else {
        Err(Reject)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Reject;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Reject> {
        if !has_more(self.de, self.close, self.had_comma)? {
            return Ok(None);
        }
        let value = self.de.nest(|de| seed.deserialize(de))?;
        self.had_comma = self.de.cur.comma()?;
        Ok(Some(value))
    }
}

/// The fields of a struct, `name: value`, up to its `)`.
pub struct Fields<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    had_comma: bool,
}

impl<'a, 'de> Fields<'a, 'de> {
    pub fn new(de: &'a mut Deserializer<'de>) -> Self {
        Self {
            de,
            had_comma: true,
        }
    }
}

impl<'de> MapAccess<'de> for Fields<'_, 'de> {
    type Error = Reject;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Reject> {
        if !has_more(self.de, b')', self.had_comma)? {
            return Ok(None);
        }
        let cur = &mut self.de.cur;
        let name = cur.ident()?;
        cur.skip_trivia()?;
        if !cur.eat(b':') {
            return Err(Reject);
        }
        cur.set_field(name);
        cur.skip_trivia()?;
        seed.deserialize(BorrowedStrDeserializer::<Reject>::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Reject> {
        let value = self.de.nest(|de| seed.deserialize(de))?;
        self.had_comma = self.de.cur.comma()?;
        Ok(value)
    }
}

/// An enum value: its variant's name, then what the variant holds.
pub struct Variant<'a, 'de> {
    de: &'a mut Deserializer<'de>,
}

impl<'a, 'de> Variant<'a, 'de> {
    pub fn new(de: &'a mut Deserializer<'de>) -> Self {
        Self { de }
    }
}

impl<'de> EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Reject;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Reject> {
        let name = self.de.cur.ident()?;
        let value = seed.deserialize(BorrowedStrDeserializer::<Reject>::new(name))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Reject;

    /// A unit variant is its name alone; whatever follows is the enclosing list's business.
    fn unit_variant(self) -> Result<(), Reject> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Reject> {
        let de = self.de;
        de.cur.skip_trivia()?;
        de.cur.open(b'(')?;
        de.cur.skip_trivia()?;
        let value = de.nest(|de| seed.deserialize(de))?;
        de.cur.comma()?;
        de.cur.close(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Reject> {
        self.de.cur.skip_trivia()?;
        self.de.tuple(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Reject> {
        self.de.cur.skip_trivia()?;
        self.de.struct_body(visitor)
    }
}
