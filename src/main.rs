fn main() {
    llm_explorables::start();
}
