// Must not build: domain is at the bottom of the table and links nothing of the app.
#include "store/store.hpp"
