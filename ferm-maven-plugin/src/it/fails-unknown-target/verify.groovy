// A Dockerfile target that is no stage fails, listing the stages.
def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertFailsWith(basedir, '''Dockerfile: the target stage 'release' is not in the Dockerfile (its stages: build (line 1), runtime (line 2)). Set 'target' to one of the named stages, or leave it empty for the last stage.''')
true
