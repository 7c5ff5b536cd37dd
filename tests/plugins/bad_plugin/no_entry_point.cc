// A shared library that is no digestif plugin: it lacks digestif_plugin_info().
extern "C" int digestif_not_a_plugin() { return 42; }
