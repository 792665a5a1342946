//! Tests of the PDF target: the text read back, its sizes and colours.
