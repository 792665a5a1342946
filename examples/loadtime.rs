fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) * 10.0
}
fn main() {
    let mut t = Vec::new();
    let c0 = cpu();
    for _ in 0..1500 {
        let s = std::time::Instant::now();
        let a = acupoint_atlas::load::load_builtin().unwrap();
        drop(a);
        t.push(s.elapsed().as_secs_f64() * 1e3);
    }
    let cpu_ms = (cpu() - c0) / 1500.0;
    let mut u = t[200..].to_vec();
    u.sort_by(f64::total_cmp);
    let mean: f64 = u.iter().sum::<f64>() / u.len() as f64;
    println!(
        "median {:.3} ms mean {:.3} min {:.3} cpu {:.3} ms",
        u[u.len() / 2],
        mean,
        u[0],
        cpu_ms
    );
}
