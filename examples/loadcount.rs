fn main() {
    for _ in 0..20 {
        std::hint::black_box(acupoint_atlas::load::load_builtin().ok());
    }
}
