# The abt image of the Kubernetes example in docs/sweeps.md (registry.example.org/abt:0.1.0): Debian bookworm
# with the packages of scripts/setup and `abt` built and installed exactly as the README's install build does.
#   docker build -t registry.example.org/abt:0.1.0 .
#   docker run --rm registry.example.org/abt:0.1.0 abt version
# The synthetic default market is generated into $ABT_CACHE_DIR (default /cache) on first use.
FROM debian:bookworm

COPY . /src/abt
WORKDIR /src/abt
# scripts/setup installs what is missing (as root here: no sudo) and leaves the apt lists behind; drop them.
RUN scripts/setup && rm -rf /var/lib/apt/lists/*
# The README's install build (library headers, libraries, test kit, CMake package and the abt tool).
RUN cmake -S . -B build-install -DABT_BUILD_TESTS=OFF -DABT_BUILD_BENCHMARKS=OFF \
 && cmake --build build-install -j2 \
 && cmake --install build-install --prefix /usr/local \
 && rm -rf build-install

ENV ABT_CACHE_DIR=/cache
WORKDIR /work
CMD ["abt", "--help"]
